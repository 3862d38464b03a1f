package cn.kejiao.account.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.IssuedToken;
import cn.kejiao.account.NewUser;
import cn.kejiao.account.UserView;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.RegistrationForm;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Tokens for scripts, the caller's identity, and self-service registration. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts")
class AccountApiController {

	private final Accounts accounts;

	AccountApiController(Accounts accounts) {
		this.accounts = accounts;
	}

	record TokenRequest(@NotBlank String username, @NotBlank String password) {
		@Override
		public String toString() {
			return "TokenRequest[" + username + "]";
		}
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

	record Me(String username, String displayName, List<String> roles, @Nullable UUID organisationId,
			@Nullable String organisation, String regionCode) {
	}

	/** acceptTerms: the person registering accepted the user agreement (/terms) and privacy policy (/privacy). */
	record RegistrationRequest(@NotNull @Valid RegistrationForm organisation, @NotNull @Valid NewUser user,
			@Nullable Boolean acceptTerms) {
	}

	@PostMapping("/auth/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue a bearer token", description = "Exchanges a username and password for a token to send as `Authorization: Bearer <token>`.")
	TokenResponse token(@Valid @RequestBody TokenRequest request) {
		try {
			IssuedToken token = accounts.issueToken(request.username(), request.password(),
					Actors.clientAddress().orElse(""));
			return new TokenResponse(token.token(), token.expiresAt());
		}
		catch (LockedException ex) {
			throw new KejiaoException(HttpStatus.UNAUTHORIZED, "auth.locked");
		}
		catch (DisabledException ex) {
			throw new KejiaoException(HttpStatus.UNAUTHORIZED, "auth.disabled");
		}
		catch (AuthenticationException ex) {
			throw new KejiaoException(HttpStatus.UNAUTHORIZED, "auth.bad-credentials");
		}
	}

	@GetMapping("/me")
	@Operation(summary = "Who am I", description = "The caller's username, roles, organisation and region code.")
	Me me() {
		Actor actor = Actors.require();
		return new Me(actor.username(), actor.displayName(), actor.roles().stream().map(Enum::name).sorted().toList(),
				actor.organisationId(), actor.organisationName(), actor.regionCode());
	}

	@PostMapping("/registrations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an organisation with its first user", description = "The organisation waits, pending, for the admin of its region.")
	OrganisationView register(@Valid @RequestBody RegistrationRequest request) {
		return accounts.register(request.organisation(), request.user(), Boolean.TRUE.equals(request.acceptTerms()));
	}

	@GetMapping("/organisations/{id}/members")
	@Operation(summary = "Users of an organisation", description = "For its own members and the admins of its region.")
	List<UserView> members(@PathVariable UUID id) {
		return accounts.members(id);
	}
}
