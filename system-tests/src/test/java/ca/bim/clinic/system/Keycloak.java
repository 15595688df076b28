package ca.bim.clinic.system;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.restassured.path.json.JsonPath;

/** Real tokens from the test Keycloak's `clinic` realm. */
final class Keycloak {

    private final String tokenEndpoint;

    Keycloak(String keycloakUrl) {
        this.tokenEndpoint = keycloakUrl + "/realms/clinic/protocol/openid-connect/token";
    }

    /** A demo user's token through the public frontend client (password grant, development realm only). */
    String userToken(String username) {
        return given().baseUri(tokenEndpoint).port(-1).formParam("grant_type", "password")
                .formParam("client_id", "clinic-web").formParam("username", username).formParam("password", username)
                .post().then().statusCode(200).extract().path("access_token");
    }

    /** A machine token for a confidential client (client credentials). */
    String clientToken(String clientId, String secret) {
        return given().baseUri(tokenEndpoint).port(-1).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .post().then().statusCode(200).extract().path("access_token");
    }

    /** `aud` is a string when the token has one audience and an array when it has several. */
    static List<String> audiences(JsonPath claims) {
        Object aud = claims.get("aud");
        return aud instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(aud));
    }

    static JsonPath claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return new JsonPath(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
