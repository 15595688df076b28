package ca.bim.clinic.fhir.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;

/** Search results as a {@code searchset} Bundle with absolute fullUrls and self/first/previous/next/last links. */
public final class Bundles {

    private Bundles() {
    }

    /**
     * @param base the endpoint's public base, e.g. https://api.example/fhir/r4
     * @param total matches over all pages
     */
    public static Bundle searchset(String base, SearchQuery query, long total, List<? extends Resource> resources) {
        Bundle bundle = new Bundle();
        bundle.setType(BundleType.SEARCHSET);
        bundle.setTotal((int) Math.min(total, Integer.MAX_VALUE));
        int lastPage = total == 0 ? 0 : (int) ((total - 1) / query.count());
        bundle.addLink().setRelation("self").setUrl(link(base, query, query.page()));
        bundle.addLink().setRelation("first").setUrl(link(base, query, 0));
        if (query.page() > 0) {
            bundle.addLink().setRelation("previous").setUrl(link(base, query, Math.min(query.page() - 1, lastPage)));
        }
        if (query.page() < lastPage) {
            bundle.addLink().setRelation("next").setUrl(link(base, query, query.page() + 1));
        }
        bundle.addLink().setRelation("last").setUrl(link(base, query, lastPage));
        for (Resource resource : resources) {
            bundle.addEntry()
                    .setFullUrl(base + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
                    .setResource(resource)
                    .getSearch().setMode(SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /** One page of a list held in memory. */
    public static <T> List<T> page(List<T> all, SearchQuery query) {
        long from = (long) query.page() * query.count();
        if (from >= all.size()) {
            return List.of();
        }
        return new ArrayList<>(all.subList((int) from, (int) Math.min(all.size(), from + query.count())));
    }

    static String link(String base, SearchQuery query, int page) {
        StringBuilder url = new StringBuilder(base).append('/').append(query.type()).append('?');
        for (Map.Entry<String, List<String>> param : query.criteria().entrySet()) {
            for (String value : param.getValue()) {
                url.append(encode(param.getKey())).append('=').append(encode(value)).append('&');
            }
        }
        return url.append("_count=").append(query.count()).append("&_page=").append(page).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
