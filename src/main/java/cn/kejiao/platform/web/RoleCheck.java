package cn.kejiao.platform.web;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Checks {@link ForRoles} before the handler's arguments are resolved: an interceptor runs after the handler is
 * chosen and before its body is read, bound and validated, which a check in the facade (or method security,
 * which runs around the call) cannot do.
 */
@Configuration(proxyBeanMethods = false)
class RoleCheck implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		ForRoles roles = handler instanceof HandlerMethod method ? declared(method) : null;
		if (roles != null) {
			Actor actor = Actors.require();
			if (Arrays.stream(roles.value()).noneMatch(actor::has)) {
				throw KejiaoException.forbidden(roles.refusal());
			}
		}
		return true;
	}

	/** The roles declared on the handler method, else on its controller. */
	static @Nullable ForRoles declared(HandlerMethod method) {
		ForRoles roles = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), ForRoles.class);
		return roles != null ? roles : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ForRoles.class);
	}
}
