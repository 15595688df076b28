import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;

/**
 * A minimal upstream for the gateway benchmark: answers every GET with a fixed page of locations, shaped like
 * booking-service's, and 200 on its health checks. It does no work, so it isolates the cost the gateway adds.
 * Run with the gateway's own Vert.x jars: java -cp "gateway/target/quarkus-app/lib/main/*" StubUpstream.java 18081
 */
public class StubUpstream {

    private static final String LOCATIONS = """
            {"items":[{"id":"7f3a2c1e-0b4d-4e8a-9c61-2d5e8f9a0b11","code":"richmond","name":"Richmond",\
            "address":"Unit 120, 5900 No. 3 Road, Richmond, BC","timeZone":"America/Vancouver","active":true},\
            {"id":"1c9e4b7d-3f2a-4d6b-8e05-7a1b2c3d4e22","code":"vancouver","name":"Vancouver",\
            "address":"Suite 210, 1200 West Broadway, Vancouver, BC","timeZone":"America/Vancouver","active":true}],\
            "page":0,"size":20,"totalItems":2,"totalPages":1}""";

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        Buffer body = Buffer.buffer(LOCATIONS);
        vertx.createHttpServer()
                .requestHandler(request -> request.response()
                        .putHeader("Content-Type", "application/json")
                        .end(body))
                .listen(port)
                .onSuccess(server -> System.out.println("stub upstream on " + server.actualPort()))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }
}
