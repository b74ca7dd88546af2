package org.verso.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title, the API's conventions and its one way to sign in: HTTP Basic. */
@Configuration
class OpenApiConfig {
    static final String CONVENTIONS = "Errors are RFC 9457 problem details with types urn:verso:problem:<code>; a"
            + " 400 names what is wrong (field, parameter, position). Lists (/api/documents, its segments,"
            + " /api/search) take page and size; pages count from 1, and an answer carries page, size, total and"
            + " pages beside its items (hits for a search). A page beyond the deepest one served, or a page × size"
            + " that does not fit, is 400 invalid-page. Values of fixed sets (kinds, roles, states, statuses) are"
            + " written in lower case with words joined by '-' and read in any case. A JSON body with a field the"
            + " request does not take is 400 unknown-field; a body over the configured limit is 413, whatever its"
            + " framing.";

    @Bean
    OpenAPI versoOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Verso API")
                        .version("v1")
                        .description("Documents, translations, search and distribution. " + CONVENTIONS))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** Enum values in the schemas as the API writes them: in lower case. */
    @Bean
    OpenApiCustomizer lowerCaseEnums() {
        return openApi -> {
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                var seen = new IdentityHashMap<Schema<?>, Boolean>();
                openApi.getComponents().getSchemas().values().forEach(schema -> lowerCase(schema, seen));
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void lowerCase(Schema<?> schema, Map<Schema<?>, Boolean> seen) {
        if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        List<?> values = schema.getEnum();
        if (values != null && values.stream().allMatch(String.class::isInstance)) {
            ((Schema) schema)
                    .setEnum(values.stream()
                            .map(v -> ((String) v).toLowerCase(Locale.ROOT))
                            .toList());
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> lowerCase(p, seen));
        }
        lowerCase(schema.getItems(), seen);
    }
}
