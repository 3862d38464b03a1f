package cn.kejiao.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document's header and the bearer-token scheme, so that the browsable UI can call the API. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI kejiaoOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Kejiao 科交 API").version("v1")
				.description("Cross-regional S&T cooperation. Get a token with POST /api/v1/auth/tokens and send it as "
						+ "`Authorization: Bearer <token>`. Errors are RFC 9457 problem details with a stable `code`; "
						+ "send `Accept-Language: en` for English messages (Chinese is the default).")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
