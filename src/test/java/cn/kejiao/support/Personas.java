package cn.kejiao.support;

import java.util.function.Supplier;

import org.springframework.core.env.Environment;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;

/**
 * The demo users (ent-ws, provider-jd, yn-admin, admin, …; password {@value #DEMO_PASSWORD}) as actors: in
 * process, to call a facade as if they had signed in, and over HTTP, as a bearer-token client or a signed-in
 * browser session. A bean of the shared test context: {@code @Autowired Personas personas}.
 */
public final class Personas {

	public static final String DEMO_PASSWORD = "kejiao-demo";

	private final Accounts accounts;
	private final Organisations organisations;
	private final Environment environment;

	Personas(Accounts accounts, Organisations organisations, Environment environment) {
		this.accounts = accounts;
		this.organisations = organisations;
		this.environment = environment;
	}

	/** The user as the facades see a signed-in request of theirs. */
	public Actor actor(String username) {
		UserView user = accounts.find(username).orElseThrow(() -> new IllegalArgumentException("no user " + username));
		OrganisationView organisation = user.organisationId() == null ? null
				: organisations.find(user.organisationId()).orElse(null);
		return new Actor(user.id(), user.username(), user.displayName(), user.organisationId(),
				organisation == null ? null : organisation.name(), user.regionCode(), user.roles());
	}

	/** Runs the step as the user and returns its result. */
	public <T> T as(String username, Supplier<T> step) {
		return Actors.runAs(actor(username), step);
	}

	/** Runs the step as the user. */
	public void as(String username, Runnable step) {
		Actors.runAs(actor(username), () -> {
			step.run();
			return null;
		});
	}

	/** An API client with a fresh bearer token of the demo user. */
	public Http api(String username) {
		return Http.as(port(), username, DEMO_PASSWORD);
	}

	/** A browser session signed in through the login form as the demo user. */
	public Http browser(String username) {
		Http browser = Http.browser(port());
		Http.Response response = browser.login(username, DEMO_PASSWORD);
		if (response.status() != 302 || response.location().contains("error")) {
			throw new IllegalStateException("could not sign in as " + username + ": " + response.status());
		}
		return browser;
	}

	/** The port the application listens on. */
	public int port() {
		return environment.getRequiredProperty("local.server.port", Integer.class);
	}
}
