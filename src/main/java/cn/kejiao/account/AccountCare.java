package cn.kejiao.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Paging;
import cn.kejiao.platform.RegionCodes;
import cn.kejiao.platform.Role;
import cn.kejiao.region.Regions;

/**
 * Looking after accounts: an admin resets a forgotten password to a temporary one, unlocks a name locked
 * after wrong passwords, and changes the roles of the users of its region, within the roles it may grant;
 * a user changes their own password. Who may care for whom is {@link #mayCare}, in one place.
 */
@Service
public class AccountCare {

	/** No 0/O, 1/l/I: a temporary password is read off a screen and typed again. */
	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** What a region admin may give or take away; the admin roles only the platform admin grants. */
	private static final Set<Role> REGION_GRANTS = EnumSet.of(Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT);

	private final UserAccountRepository users;
	private final ApiTokenRepository tokens;
	private final LoginFailures failures;
	private final PasswordEncoder passwords;
	private final AuditLog audit;
	private final Clock clock;
	private final Regions regions;

	AccountCare(UserAccountRepository users, ApiTokenRepository tokens, LoginFailures failures, PasswordEncoder passwords,
			AuditLog audit, Clock clock, Regions regions) {
		this.regions = regions;
		this.users = users;
		this.tokens = tokens;
		this.failures = failures;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	/** A user as an admin looking after it sees it: the account, the locks on its name, the roles it may grant. */
	public record CaredFor(UserView user, List<AddressLock> locks, Set<Role> grantable) {

		public boolean locked() {
			return !locks.isEmpty();
		}
	}

	/** An address locked out of a name, how many wrong passwords it typed and until when. */
	public record AddressLock(String address, int failures, Instant until) {
	}

	/** The users an admin looks after: the platform admin all, a region admin those of its region. */
	@Transactional(readOnly = true)
	public Page<UserView> users(@Nullable String text, int page) {
		Actor actor = Actors.require();
		if (!actor.isPlatformAdmin() && !actor.isRegionAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		String scope = actor.isPlatformAdmin() ? null : RegionCodes.likePattern(actor.regionCode());
		String like = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
		return users.search(scope, like, Paging.of(page, 20, 100).pageRequest()).map(UserAccount::view);
	}

	@Transactional(readOnly = true)
	public CaredFor user(UUID id) {
		Actor actor = Actors.require();
		UserAccount user = caredFor(actor, id);
		List<AddressLock> locks = failures.locks(user.username(), clock.instant()).stream()
			.map(lock -> new AddressLock(lock.source(), lock.failures(), lock.lockedUntil())).toList();
		return new CaredFor(user.view(), locks, grantable(actor));
	}

	/**
	 * Sets a new random password and returns it, to be shown once to the admin who passes it on; the user's
	 * bearer tokens end, and any lock on the name with them.
	 */
	@Transactional
	public String resetPassword(UUID id) {
		UserAccount user = caredFor(Actors.require(), id);
		String temporary = temporaryPassword();
		user.changePassword(passwords.encode(temporary));
		users.save(user);
		tokens.deleteByUser(user.id());
		failures.forget(user.username());
		audit.record("account.password-reset", "user", id.toString(), user.username(), user.regionCode(), null,
				Map.of("tokensEnded", true));
		return temporary;
	}

	/** Lifts every lock on the user's name, from every address; returns how many addresses were locked out. */
	@Transactional
	public int unlock(UUID id) {
		UserAccount user = caredFor(Actors.require(), id);
		int locked = failures.locks(user.username(), clock.instant()).size();
		failures.forget(user.username());
		audit.record("account.unlocked", "user", id.toString(), user.username(), user.regionCode(),
				Map.of("lockedAddresses", locked), Map.of("lockedAddresses", 0));
		return locked;
	}

	/**
	 * Gives the user the roles asked for among those the admin may grant; roles outside that set stay as they
	 * are (a region admin cannot take away an admin role, nor give one).
	 */
	@Transactional
	public UserView changeRoles(UUID id, Set<Role> wanted) {
		Actor actor = Actors.require();
		UserAccount user = caredFor(actor, id);
		Set<Role> grantable = grantable(actor);
		Set<Role> asked = wanted.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(wanted);
		asked.removeAll(grantable);
		if (!asked.isEmpty()) {
			throw KejiaoException.forbidden("account.role-not-grantable", asked.iterator().next().name());
		}
		Set<Role> before = EnumSet.copyOf(user.roles());
		Set<Role> after = EnumSet.noneOf(Role.class);
		before.stream().filter(role -> !grantable.contains(role)).forEach(after::add);
		after.addAll(wanted);
		user.replaceRoles(after);
		users.save(user);
		audit.record("account.roles-changed", "user", id.toString(), user.username(), user.regionCode(),
				Map.of("roles", names(before)), Map.of("roles", names(after)));
		return user.view();
	}

	/** The signed-in user's own new password, after the current one. */
	@Transactional
	public void changeOwnPassword(String current, String replacement) {
		Actor actor = Actors.require();
		UserAccount user = users.findById(actor.userId())
			.orElseThrow(() -> KejiaoException.notFound("account.not-found", actor.userId()));
		if (!passwords.matches(current == null ? "" : current, user.passwordHash())) {
			throw KejiaoException.invalid("account.password-current-wrong");
		}
		PasswordPolicy.check(user.username(), replacement);
		if (current.equals(replacement)) {
			throw KejiaoException.invalid("account.password-unchanged");
		}
		user.changePassword(passwords.encode(replacement));
		users.save(user);
		tokens.deleteByUser(user.id());
		audit.record("account.password-changed", "user", user.id().toString(), user.username(), user.regionCode(), null,
				Map.of("tokensEnded", true));
	}

	/** The roles the actor may give or take away. */
	public static Set<Role> grantable(Actor actor) {
		if (actor.isPlatformAdmin()) {
			return EnumSet.of(Role.ENTERPRISE, Role.PROVIDER, Role.EXPERT, Role.REGION_ADMIN);
		}
		return actor.isRegionAdmin() ? EnumSet.copyOf(REGION_GRANTS) : EnumSet.noneOf(Role.class);
	}

	/**
	 * The one rule of who looks after whom: the platform admin everyone but other platform admins; a region
	 * admin the users of its region and the regions below it, and the admins of regions strictly below it, never
	 * itself nor a peer.
	 */
	static boolean mayCare(Actor actor, UUID userId, String regionCode, Set<Role> roles) {
		if (actor.userId().equals(userId)) {
			return false;
		}
		if (actor.isPlatformAdmin()) {
			return !roles.contains(Role.PLATFORM_ADMIN);
		}
		if (!actor.isRegionAdmin() || !actor.governs(regionCode) || roles.contains(Role.PLATFORM_ADMIN)) {
			return false;
		}
		return !roles.contains(Role.REGION_ADMIN) || !RegionCodes.prefix(regionCode).equals(RegionCodes.prefix(actor.regionCode()));
	}

	private UserAccount caredFor(Actor actor, UUID id) {
		if (!actor.isPlatformAdmin() && !actor.isRegionAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		UserAccount user = users.findById(id).orElseThrow(() -> KejiaoException.notFound("account.not-found", id));
		if (!actor.governs(user.regionCode())) {
			throw KejiaoException.forbidden("auth.region-forbidden", regions.fullNameOrCode(user.regionCode()));
		}
		if (!mayCare(actor, user.id(), user.regionCode(), user.roles())) {
			throw KejiaoException.forbidden("account.not-yours-to-care");
		}
		return user;
	}

	private static List<String> names(Set<Role> roles) {
		return roles.stream().map(Enum::name).sorted().toList();
	}

	static String temporaryPassword() {
		StringBuilder password = new StringBuilder();
		while (password.length() < 12 || password.chars().noneMatch(Character::isDigit)
				|| password.chars().noneMatch(Character::isLetter)) {
			if (password.length() >= 12) {
				password.setLength(0);
			}
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
