package cn.kejiao.account;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import cn.kejiao.platform.Actors;
import cn.kejiao.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two filter chains. {@code /api/**} is stateless: bearer tokens, no cookies, so no CSRF; errors are
 * problem details. Everything else is the web application: form login, sessions in PostgreSQL, CSRF
 * tokens on every form and htmx request. Which role may do what is declared here for whole areas and
 * checked again, with the region, in the module facades.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String[] PUBLIC_PAGES = { "/", "/login", "/register", "/register/**", "/password/forgot", "/password/reset", "/terms", "/privacy", "/notices", "/catalog",
			"/catalog/entries/**", "/catalog/suggestions", "/regions",
			"/regions/**", "/zones", "/insight", "/maps/**", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error",
			"/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info", "/v3/api-docs",
			"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };

	/**
	 * No tracing spans around each security filter and decision: they cost more per request than the rest of
	 * the filter chain and tell an operator nothing that {@code http.server.requests} does not.
	 */
	@Bean
	org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
		return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
	}

	/**
	 * BCrypt for new passwords; {@code kejiao.account.bcrypt-strength} (default 10) sets its cost. The simulation
	 * registers thousands of made-up users and runs with a lower cost (every hash names its own cost, so logging
	 * in works whichever cost a password was stored with).
	 */
	@Bean
	PasswordEncoder passwordEncoder(@Value("${kejiao.account.bcrypt-strength:10}") int strength) {
		DelegatingPasswordEncoder encoder = (DelegatingPasswordEncoder) PasswordEncoderFactories
			.createDelegatingPasswordEncoder();
		if (strength == 10) {
			return encoder;
		}
		java.util.Map<String, PasswordEncoder> encoders = new java.util.HashMap<>();
		encoders.put("bcrypt", new BCryptPasswordEncoder(strength));
		DelegatingPasswordEncoder custom = new DelegatingPasswordEncoder("bcrypt", encoders);
		custom.setDefaultPasswordEncoderForMatches(encoder);
		return custom;
	}

	@Bean
	AuthenticationProvider accountAuthenticationProvider(Accounts accounts) {
		return new AuthenticationProvider() {
			@Override
			public Authentication authenticate(Authentication authentication) throws AuthenticationException {
				String source = authentication.getDetails() instanceof WebAuthenticationDetails details
						? details.getRemoteAddress() : Actors.clientAddress().orElse("");
				KejiaoUser user = accounts.authenticate(authentication.getName(),
						String.valueOf(authentication.getCredentials()), source);
				user.eraseCredentials();
				return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
			}
		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, Accounts accounts, Problems problems) throws Exception {
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens", "/api/v1/registrations").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/regions", "/api/v1/regions/**", "/api/v1/zones",
						"/api/v1/zones/**", "/api/v1/organisations/notices", "/api/v1/search", "/api/v1/search/suggestions", "/api/v1/catalog/exports",
						"/api/v1/catalog/imports/template", "/api/v1/catalog/categories",
						"/api/v1/catalog/{types:instruments|services|achievements|experts}/{id:[0-9a-f-]{36}}",
						"/api/v1/demands", "/api/v1/demands/{id:[0-9a-f-]{36}}", "/api/v1/catalog/entries/{id:[0-9a-f-]{36}}/demands",
						"/api/v1/challenges", "/api/v1/challenges/{id:[0-9a-f-]{36}}", "/api/v1/challenges/{id:[0-9a-f-]{36}}/results",
						"/api/v1/instruments/free", "/api/v1/instruments/{id:[0-9a-f-]{36}}/availability",
						"/api/v1/listings", "/api/v1/listings/{id:[0-9a-f-]{36}}")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/auctions", "/api/v1/auctions/{id:[0-9a-f-]{36}}",
						"/api/v1/auctions/{id:[0-9a-f-]{36}}/bids", "/api/v1/auctions/{id:[0-9a-f-]{36}}/events",
						"/api/v1/auction-sessions", "/api/v1/auction-sessions/{id:[0-9a-f-]{36}}")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/events", "/api/v1/events/{id:[0-9a-f-]{36}}",
						"/api/v1/events/{id:[0-9a-f-]{36}}/items", "/api/v1/events/{id:[0-9a-f-]{36}}/follow-ups").permitAll()
				// the open statistics: public figures other government portals read without an account
				.requestMatchers(HttpMethod.GET, "/api/v1/stats/regions/*").permitAll()
				.requestMatchers("/api/v1/audit/**", "/api/v1/audit").hasAnyRole("REGION_ADMIN", "PLATFORM_ADMIN")
				.anyRequest().authenticated())
			.addFilterBefore(new BearerTokenFilter(accounts, problems), UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problem(problems, request, response,
						HttpStatus.UNAUTHORIZED, "auth.required"))
				.accessDeniedHandler((request, response, ex) -> problem(problems, request, response,
						HttpStatus.FORBIDDEN, "auth.forbidden")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
				.requestMatchers(PUBLIC_PAGES).permitAll()
				.requestMatchers(HttpMethod.GET, "/demands", "/demands/{id:[0-9a-f-]{36}}", "/demands/for-entry/{id:[0-9a-f-]{36}}", "/challenges",
						"/challenges/{id:[0-9a-f-]{36}}", "/instruments/free", "/instruments/{id:[0-9a-f-]{36}}/calendar",
						"/calendar/{token:[0-9a-f]{48}}.ics", "/listings", "/listings/{id:[0-9a-f-]{36}}").permitAll()
				.requestMatchers(HttpMethod.GET, "/auctions", "/auctions/sessions/{id:[0-9a-f-]{36}}",
						"/auctions/lots/{id:[0-9a-f-]{36}}", "/auctions/lots/{id:[0-9a-f-]{36}}/live").permitAll()
				.requestMatchers(HttpMethod.GET, "/events", "/events/{id:[0-9a-f-]{36}}").permitAll()
				.requestMatchers(HttpMethod.GET, "/insight/regions/{code:[0-9]{6}}").permitAll()
				.requestMatchers("/admin/zones/**").hasRole("PLATFORM_ADMIN")
				.requestMatchers("/admin/**").hasAnyRole("REGION_ADMIN", "PLATFORM_ADMIN")
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/").failureHandler(loginFailure()))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'; form-action 'self'")));
		return http.build();
	}

	private static AuthenticationFailureHandler loginFailure() {
		return (request, response, exception) -> {
			String reason = switch (exception) {
				case LockedException e -> "locked";
				case DisabledException e -> "disabled";
				case BadCredentialsException e -> "bad";
				default -> "bad";
			};
			response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
		};
	}

	private static void problem(Problems problems, HttpServletRequest request, HttpServletResponse response,
			HttpStatus status, String code) throws IOException {
		problems.write(response, problems.create(status, code, new Object[0], request));
	}
}
