package cn.kejiao.platform.web;


import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The language switch (any page accepts {@code ?lang=en} or {@code ?lang=zh-CN}), and the handling of malformed
 * input every request goes through: the input and method filters ahead of security, the JSON rules, and Tomcat's error report for what never reaches the application.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** Ahead of the security filters (and everything that reads a parameter), after character encoding. */
	private static final int INPUT_FILTER_ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER - 20;

	/**
	 * Chinese first, also where no request sets the language (event listeners writing notices, jobs, start-up):
	 * without this the JVM's own default, English on most servers, would name regions in English there.
	 */
	@Bean
	LocaleResolver localeResolver() {
		LocaleContextHolder.setDefaultLocale(KejiaoLocaleResolver.CHINESE);
		return new KejiaoLocaleResolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws jakarta.servlet.ServletException {
				try {
					return super.preHandle(request, response, handler);
				}
				catch (IllegalStateException ex) {
					// parameters Tomcat could not parse: the request is being answered with its refusal
					return true;
				}
			}
		};
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	@Bean
	FilterRegistrationBean<RequestInputFilter> requestInputFilter() {
		FilterRegistrationBean<RequestInputFilter> registration = new FilterRegistrationBean<>(new RequestInputFilter());
		registration.setOrder(INPUT_FILTER_ORDER);
		return registration;
	}

	@Bean
	FilterRegistrationBean<MethodNotAllowedFilter> methodNotAllowedFilter(
			@Qualifier("requestMappingHandlerMapping") HandlerMapping mappings) {
		FilterRegistrationBean<MethodNotAllowedFilter> registration = new FilterRegistrationBean<>(
				new MethodNotAllowedFilter(mappings));
		registration.setOrder(INPUT_FILTER_ORDER + 1);
		return registration;
	}

	@Bean
	RequestJsonModule requestJsonModule() {
		return new RequestJsonModule();
	}

	/** Tomcat's own error report replaced by one that answers in Kejiao's shape (after Spring Boot's customizer). */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectorErrors(Problems problems) {
		return new WebServerFactoryCustomizer<>() {
			@Override
			public void customize(TomcatServletWebServerFactory factory) {
				factory.addContextCustomizers(context -> {
					StandardHost host = (StandardHost) context.getParent();
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.setErrorReportValveClass(ConnectorErrorValve.class.getName());
					host.getPipeline().addValve(new ConnectorErrorValve(problems));
				});
			}
		};
	}
}
