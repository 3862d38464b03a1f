package cn.kejiao.platform.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document: its header and the bearer-token scheme (so that the browsable UI can call the API), the
 * nullability of response properties read from the code, the problem details each operation can answer, and the
 * bearer token on the operations that need one only.
 */
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
			.components(new Components().addSecuritySchemes(ApiDocumentResponses.BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque")));
	}

	@Bean
	NullableProperties nullableProperties() {
		return new NullableProperties();
	}

	@Bean
	OpenApiCustomizer apiDocumentResponses(WebInvocationPrivilegeEvaluator privileges, NullableProperties nullability) {
		return new ApiDocumentResponses(privileges, nullability);
	}

	/** The roles an operation is for ({@link ForRoles}) are in its description. */
	@Bean
	OperationCustomizer rolesInTheDocument() {
		return (operation, handler) -> {
			ForRoles roles = RoleCheck.declared(handler);
			if (roles != null) {
				String names = Arrays.stream(roles.value()).map(Enum::name).collect(Collectors.joining(", "));
				String note = "Roles: " + names + " (anyone else: 403 `" + roles.refusal() + "`).";
				operation.setDescription(operation.getDescription() == null ? note : operation.getDescription() + "\n\n" + note);
			}
			return operation;
		};
	}
}
