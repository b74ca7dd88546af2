package org.verso.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and its one way to sign in: HTTP Basic. */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI versoOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Verso API")
                        .version("v1")
                        .description("Documents, translations, search and distribution. Errors are RFC 9457 problem"
                                + " details with types urn:verso:problem:<code>."))
                .components(new Components()
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
