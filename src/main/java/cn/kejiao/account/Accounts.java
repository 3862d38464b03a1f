package cn.kejiao.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.organisation.RegistrationForm;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;

/**
 * The account module's facade: sign-in with lockout, bearer tokens, registration of an organisation with
 * its first user, and the users other modules may look up.
 */
@Service
public class Accounts {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserAccountRepository users;
	private final ApiTokenRepository tokens;
	private final Organisations organisations;
	private final PasswordEncoder passwords;
	private final AuditLog audit;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final LoginFailures failures;
	private final Consents consents;
	private final Duration tokenLifetime;
	private volatile String dummyHash;
	private final long tokenCacheNanos;
	private final Map<String, CachedToken> tokenCache = new java.util.concurrent.ConcurrentHashMap<>();

	/** A bearer token seen recently: its user, the token's end, when it was looked up. */
	private record CachedToken(KejiaoUser user, Instant expiresAt, long seenAt) {
	}

	Accounts(UserAccountRepository users, ApiTokenRepository tokens, Organisations organisations,
			PasswordEncoder passwords, AuditLog audit, TransactionTemplate transactions, Clock clock,
			LoginFailures failures, Consents consents,
			@Value("${kejiao.security.token-lifetime:PT12H}") Duration tokenLifetime,
			@Value("${kejiao.security.token-cache-for:PT30S}") Duration tokenCacheFor) {
		this.users = users;
		this.tokens = tokens;
		this.organisations = organisations;
		this.passwords = passwords;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.failures = failures;
		this.consents = consents;
		this.tokenLifetime = tokenLifetime;
		this.tokenCacheNanos = tokenCacheFor.toNanos();
	}

	/**
	 * Checks a username and password typed at a client address. After {@code max-failed-logins} wrong
	 * passwords in a row from that address the name is locked for it for {@code lock-duration}, even for the
	 * right password; other addresses are not affected, so a stranger cannot lock a user out
	 * ({@link LoginFailures}). A name nobody has goes through the same steps — the same count, the same lock,
	 * a password hash as slow as a real one — so neither the answer nor its time tells whether it exists.
	 * @throws BadCredentialsException, LockedException or DisabledException
	 */
	public KejiaoUser authenticate(String username, String password, String source) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		String from = source == null || source.isBlank() ? "unknown" : source;
		Instant now = clock.instant();
		if (failures.isLocked(name, from, now)) {
			throw new LockedException("auth.locked");
		}
		Optional<UserAccount> found = users.findByUsername(name);
		boolean matches = passwords.matches(password == null ? "" : password,
				found.map(UserAccount::passwordHash).orElseGet(this::dummyHash)) && found.isPresent();
		if (!matches) {
			LoginFailures.Outcome outcome = failures.fail(name, from, now);
			if (outcome.newLock()) {
				transactions.executeWithoutResult(status -> audit.record("account.locked", "user",
						found.map(u -> u.id().toString()).orElse(name), name, found.map(UserAccount::regionCode).orElse(null),
						Map.of("failedLogins", outcome.failures()),
						Map.of("source", from, "lockedUntil", now.plus(failures.lockDuration()).toString())));
			}
			throw outcome.locked() ? new LockedException("auth.locked") : new BadCredentialsException("auth.bad-credentials");
		}
		UserAccount user = found.get();
		if (!user.enabled()) {
			throw new DisabledException("auth.disabled");
		}
		failures.succeeded(name, from);
		transactions.executeWithoutResult(status -> users.recordSuccess(user.id(), now));
		return new KejiaoUser(actorOf(user), user.passwordHash());
	}

	/** A hash of a random password, checked against for a name nobody has, as slow as a real check. */
	private String dummyHash() {
		if (dummyHash == null) {
			dummyHash = passwords.encode("timing-equaliser-" + UUID.randomUUID());
		}
		return dummyHash;
	}

	/** Issues a bearer token after checking the password the same way as the login form. */
	public IssuedToken issueToken(String username, String password, String source) {
		KejiaoUser user = authenticate(username, password, source);
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = "kj_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		Instant expiresAt = now.plus(tokenLifetime);
		transactions.executeWithoutResult(status -> {
			tokens.save(new ApiToken(sha256(token), user.actor().userId(), now, expiresAt));
			audit.record("account.token-issued", "user", user.actor().userId().toString(), user.getUsername(),
					user.actor().regionCode(), null, Map.of("expiresAt", expiresAt.toString()));
		});
		return new IssuedToken(token, expiresAt);
	}

	/**
	 * The user a bearer token stands for, if the token is known, unexpired and its user may sign in. A token
	 * seen in the last {@code token-cache-for} (30 s by default; 0 turns this off) is answered from memory, so
	 * an API call does not pay four lookups; the token's own end is still checked on every call. Wrong
	 * passwords typed elsewhere do not end a token: they lock that address out of the name, not the user.
	 */
	public Optional<KejiaoUser> authenticateToken(String token) {
		String hash = sha256(token);
		Instant now = clock.instant();
		long nanos = System.nanoTime();
		CachedToken cached = tokenCache.get(hash);
		if (cached != null && nanos - cached.seenAt() < tokenCacheNanos && cached.expiresAt().isAfter(now)) {
			return Optional.of(cached.user());
		}
		Optional<CachedToken> found = Objects.requireNonNull(transactions.execute(status -> tokens.findById(hash)
			.filter(t -> t.isValidAt(now))
			.flatMap(t -> users.findById(t.userId())
				.filter(UserAccount::enabled)
				.map(user -> new CachedToken(new KejiaoUser(actorOf(user), null), t.expiresAt(), nanos)))));
		if (found.isEmpty()) {
			tokenCache.remove(hash);
			return Optional.empty();
		}
		if (tokenCacheNanos > 0) {
			if (tokenCache.size() >= 10_000) {
				tokenCache.clear();
			}
			tokenCache.put(hash, found.get());
		}
		return Optional.of(found.get().user());
	}

	/**
	 * Self-service registration: the organisation (pending verification) and its first user, whose role
	 * follows from the organisation's type. Both are created or neither. With {@code consented}, the user's
	 * acceptance of the user agreement and privacy policy is recorded with them.
	 */
	@Transactional
	public OrganisationView register(RegistrationForm organisation, NewUser user, boolean consented) {
		String username = user.username().strip().toLowerCase(Locale.ROOT);
		PasswordPolicy.check(username, user.password());
		if (users.existsByUsername(username)) {
			throw KejiaoException.conflict("account.username-taken", username);
		}
		OrganisationView registered = organisations.register(organisation);
		Role role = registered.type() == OrganisationType.ENTERPRISE ? Role.ENTERPRISE : Role.PROVIDER;
		UserAccount account = create(user, registered.id(), registered.regionCode(), Set.of(role));
		if (consented) {
			consents.recordBoth(account.id(), clock.instant(), Actors.clientAddress().orElse(null));
		}
		return registered;
	}

	/**
	 * Creates a user of an existing organisation with the given roles; only the platform admin (or a system
	 * task) may, and a region admin's region is the region it governs.
	 */
	@Transactional
	public UserView createUser(NewUser user, UUID organisationId, String regionCode, Set<Role> roles) {
		Optional<Actor> actor = Actors.current();
		if (actor.isPresent() && !actor.get().isPlatformAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		String username = user.username().strip().toLowerCase(Locale.ROOT);
		PasswordPolicy.check(username, user.password());
		if (users.existsByUsername(username)) {
			throw KejiaoException.conflict("account.username-taken", username);
		}
		organisations.find(organisationId)
			.orElseThrow(() -> KejiaoException.notFound("organisation.not-found", organisationId));
		return create(user, organisationId, regionCode, roles).view();
	}

	private UserAccount create(NewUser user, UUID organisationId, String regionCode, Set<Role> roles) {
		String username = user.username().strip().toLowerCase(Locale.ROOT);
		UserAccount account = new UserAccount(UUID.randomUUID(), username, passwords.encode(user.password()),
				user.displayName().strip(), user.email().strip(), user.phone(), organisationId, regionCode, roles,
				clock.instant());
		users.saveAndFlush(account);
		audit.record("account.created", "user", account.id().toString(), username, regionCode, null,
				Map.of("username", username, "roles", roles.stream().map(Enum::name).sorted().toList(), "organisationId",
						organisationId.toString()));
		return account;
	}

	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return users.existsByUsername(username.toLowerCase(Locale.ROOT));
	}

	@Transactional(readOnly = true)
	public Optional<UserView> find(String username) {
		return users.findByUsername(username.toLowerCase(Locale.ROOT)).map(UserAccount::view);
	}

	/** A user by id, for modules whose events name a user by id and that tell the user something (no actor needed). */
	@Transactional(readOnly = true)
	public Optional<UserView> find(UUID id) {
		return users.findById(id).map(UserAccount::view);
	}

	/** The regions of several users by id, in one query, for modules that count by region; unknown ids left out. */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, String> regionsOf(java.util.Collection<UUID> ids) {
		java.util.Map<UUID, String> regions = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			users.findAllById(java.util.Set.copyOf(ids)).forEach(user -> regions.put(user.id(), user.regionCode()));
		}
		return regions;
	}

	/** The members of an organisation: visible to its own members and to the admins governing its region. */
	@Transactional(readOnly = true)
	public List<UserView> members(UUID organisationId) {
		Actor actor = Actors.require();
		OrganisationView organisation = organisations.view(organisationId, actor);
		if (!organisationId.equals(actor.organisationId()) && !actor.governs(organisation.regionCode())) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		return users.findByOrganisationId(organisationId).stream().map(UserAccount::view).toList();
	}

	/** The enabled users of an organisation, for modules that tell them something (no actor needed). */
	@Transactional(readOnly = true)
	public List<UserView> usersOf(UUID organisationId) {
		return users.findByOrganisationId(organisationId).stream().map(UserAccount::view).filter(UserView::enabled).toList();
	}

	/** The enabled users holding a role (the expert pool is the users with {@link Role#EXPERT}), by username. */
	@Transactional(readOnly = true)
	public List<UserView> withRole(Role role) {
		return users.findEnabledWithRole(role).stream().map(UserAccount::view).toList();
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	public void purgeExpiredTokens() {
		tokens.deleteExpired(clock.instant());
	}

	private Actor actorOf(UserAccount user) {
		String organisationName = user.organisationId() == null ? null
				: organisations.find(user.organisationId()).map(OrganisationView::name).orElse(null);
		return new Actor(user.id(), user.username(), user.displayName(), user.organisationId(), organisationName,
				user.regionCode(), Set.copyOf(user.roles()));
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
