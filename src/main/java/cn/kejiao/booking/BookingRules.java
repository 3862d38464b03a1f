package cn.kejiao.booking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.ChinaTime;
import cn.kejiao.platform.KejiaoException;

/**
 * What an instrument's owner keeps: its booking {@link Rules}, its closures (maintenance, holidays of its own) and
 * the training records of the people allowed to operate it. Everyone may read the rules and closures; only the
 * owner's organisation changes them or reads the training records.
 */
@Service
public class BookingRules {

	/** A time the instrument is closed, with why. */
	public record Closure(UUID id, UUID instrumentId, Instant start, Instant end, String reason) {
	}

	/** A person trained on an instrument, valid until {@code expiresOn} (included) unless revoked. */
	public record Training(UUID id, UUID instrumentId, UUID userId, String username, String displayName,
			LocalDate trainedOn, LocalDate expiresOn, String trainer, String note, boolean revoked) {

		public boolean validOn(LocalDate day) {
			return !revoked && !trainedOn.isAfter(day) && !expiresOn.isBefore(day);
		}
	}

	private final JdbcClient jdbc;
	private final Instruments instruments;
	private final Accounts accounts;
	private final AuditLog audit;
	private final Clock clock;

	BookingRules(JdbcClient jdbc, Instruments instruments, Accounts accounts, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.instruments = instruments;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** The rules in force: the owner's, or the defaults (approval as the catalog's booking mode says). */
	@Transactional(readOnly = true)
	public Rules rules(UUID instrumentId) {
		return stored(instrumentId).orElseGet(() -> defaults(instruments.whole(instrumentId)));
	}

	Rules rules(Instrument instrument) {
		return stored(instrument.id()).orElseGet(() -> defaults(instrument));
	}

	private static Rules defaults(Instrument instrument) {
		return Rules.defaults(instrument.id(), !instrument.autoConfirm(),
				instrument.unit() == Unit.SAMPLE ? Mode.SAMPLE : Mode.SELF);
	}

	private java.util.Optional<Rules> stored(UUID instrumentId) {
		return jdbc.sql("""
				select open_from, open_until, open_days, working_days_only, slot_minutes, min_minutes, max_minutes,
				    horizon_days, approval, training_required, cancel_hours, mode
				from booking.rules where instrument_id = :id""")
			.param("id", instrumentId)
			.query((rs, n) -> new Rules(instrumentId, rs.getObject(1, LocalTime.class), rs.getObject(2, LocalTime.class),
					Arrays.stream((Integer[]) rs.getArray(3).getArray()).toList(), rs.getBoolean(4), rs.getInt(5),
					rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getBoolean(9), rs.getBoolean(10), rs.getInt(11),
					Mode.valueOf(rs.getString(12)), true))
			.optional();
	}

	/** The owner sets the rules; contradicting rules are refused, each with its own code. */
	@Transactional
	public Rules save(Rules rules) {
		Actor actor = Actors.require();
		Instrument instrument = instruments.ownedBy(rules.instrumentId(), actor);
		rules.validate();
		Rules before = rules(instrument);
		jdbc.sql("""
				insert into booking.rules (instrument_id, owner_org_id, open_from, open_until, open_days, working_days_only,
				    slot_minutes, min_minutes, max_minutes, horizon_days, approval, training_required, cancel_hours, mode,
				    updated_at, updated_by)
				values (:id, :owner, :from, :until, :days, :working, :slot, :min, :max, :horizon, :approval, :training,
				    :cancel, :mode, :at, :by)
				on conflict (instrument_id) do update set open_from = excluded.open_from, open_until = excluded.open_until,
				    open_days = excluded.open_days, working_days_only = excluded.working_days_only,
				    slot_minutes = excluded.slot_minutes, min_minutes = excluded.min_minutes, max_minutes = excluded.max_minutes,
				    horizon_days = excluded.horizon_days, approval = excluded.approval,
				    training_required = excluded.training_required, cancel_hours = excluded.cancel_hours, mode = excluded.mode,
				    updated_at = excluded.updated_at, updated_by = excluded.updated_by, version = booking.rules.version + 1""")
			.param("id", rules.instrumentId()).param("owner", instrument.ownerOrgId())
			.param("from", rules.openFrom()).param("until", rules.openUntil())
			.param("days", rules.openDays().toArray(Integer[]::new)).param("working", rules.workingDaysOnly())
			.param("slot", rules.slotMinutes()).param("min", rules.minMinutes()).param("max", rules.maxMinutes())
			.param("horizon", rules.horizonDays()).param("approval", rules.approval())
			.param("training", rules.trainingRequired()).param("cancel", rules.cancelHours())
			.param("mode", rules.mode().name()).param("at", Timestamp.from(clock.instant())).param("by", actor.username())
			.update();
		Rules saved = rules(instrument);
		audit.record("booking.rules-saved", "instrument", instrument.id().toString(), instrument.title(),
				instrument.regionCode(), before, saved);
		return saved;
	}

	// ---- closures

	@Transactional(readOnly = true)
	public List<Closure> closures(UUID instrumentId, Instant from, Instant to) {
		return jdbc.sql("""
				select id, lower(period), upper(period), reason from booking.closure
				where instrument_id = :id and period && tstzrange(:from, :to) order by lower(period)""")
			.param("id", instrumentId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query((rs, n) -> new Closure(rs.getObject(1, UUID.class), instrumentId, rs.getTimestamp(2).toInstant(),
					rs.getTimestamp(3).toInstant(), rs.getString(4)))
			.list();
	}

	/** The owner closes the instrument for a time; bookings already made in it stay and are for the owner to cancel. */
	@Transactional
	public Closure close(UUID instrumentId, Instant start, Instant end, @Nullable String reason) {
		Actor actor = Actors.require();
		Instrument instrument = instruments.ownedBy(instrumentId, actor);
		if (!end.isAfter(start)) {
			throw KejiaoException.invalid("booking.period-invalid");
		}
		if (reason == null || reason.isBlank()) {
			throw KejiaoException.invalid("booking.reason-required");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into booking.closure (id, instrument_id, period, reason, created_at, created_by)
				values (:id, :instrument, tstzrange(:from, :to), :reason, :at, :by)""")
			.param("id", id).param("instrument", instrumentId).param("from", Timestamp.from(start))
			.param("to", Timestamp.from(end)).param("reason", reason.strip()).param("at", Timestamp.from(clock.instant()))
			.param("by", actor.username()).update();
		Closure closure = new Closure(id, instrumentId, start, end, reason.strip());
		audit.record("booking.closed", "instrument", instrumentId.toString(), instrument.title(), instrument.regionCode(),
				null, closure);
		return closure;
	}

	@Transactional
	public void reopen(UUID closureId) {
		Actor actor = Actors.require();
		UUID instrumentId = jdbc.sql("select instrument_id from booking.closure where id = :id").param("id", closureId)
			.query(UUID.class).optional().orElseThrow(() -> KejiaoException.notFound("booking.closure-not-found", closureId));
		Instrument instrument = instruments.ownedBy(instrumentId, actor);
		jdbc.sql("delete from booking.closure where id = :id").param("id", closureId).update();
		audit.record("booking.reopened", "instrument", instrumentId.toString(), instrument.title(), instrument.regionCode(),
				closureId, null);
	}

	/** The closure overlapping a time, if any (the first). */
	java.util.Optional<Closure> closureDuring(UUID instrumentId, Instant start, Instant end) {
		return closures(instrumentId, start, end).stream().findFirst();
	}

	// ---- training

	/** The owner's training records of an instrument, newest first. */
	@Transactional(readOnly = true)
	public List<Training> trainings(UUID instrumentId) {
		instruments.ownedBy(instrumentId, Actors.require());
		return jdbc.sql(TRAINING + " where instrument_id = :id order by created_at desc").param("id", instrumentId)
			.query((rs, n) -> training(rs)).list();
	}

	/** The owner records that a user was trained, valid until the expiry day. */
	@Transactional
	public Training train(UUID instrumentId, @Nullable String username, @Nullable LocalDate trainedOn,
			@Nullable LocalDate expiresOn, @Nullable String trainer, @Nullable String note) {
		Actor actor = Actors.require();
		Instrument instrument = instruments.ownedBy(instrumentId, actor);
		UserView user = accounts.find(username == null ? "" : username.strip())
			.orElseThrow(() -> KejiaoException.invalid("booking.user-unknown", Objects.toString(username, "")));
		LocalDate on = trainedOn == null ? LocalDate.now(clock.withZone(ChinaTime.ZONE)) : trainedOn;
		if (expiresOn == null || expiresOn.isBefore(on)) {
			throw KejiaoException.invalid("booking.training-expiry");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into booking.training (id, instrument_id, user_id, username, display_name, trained_on, expires_on,
				    trainer, note, created_at, created_by)
				values (:id, :instrument, :user, :username, :name, :on, :expires, :trainer, :note, :at, :by)""")
			.param("id", id).param("instrument", instrumentId).param("user", user.id()).param("username", user.username())
			.param("name", user.displayName()).param("on", on).param("expires", expiresOn)
			.param("trainer", trainer == null ? actor.displayName() : trainer.strip())
			.param("note", note == null ? "" : note.strip()).param("at", Timestamp.from(clock.instant()))
			.param("by", actor.username()).update();
		Training training = jdbc.sql(TRAINING + " where id = :id").param("id", id).query((rs, n) -> training(rs)).single();
		audit.record("booking.trained", "instrument", instrumentId.toString(), instrument.title(), instrument.regionCode(),
				null, training);
		return training;
	}

	@Transactional
	public Training revoke(UUID trainingId) {
		Actor actor = Actors.require();
		Training training = jdbc.sql(TRAINING + " where id = :id").param("id", trainingId).query((rs, n) -> training(rs))
			.optional().orElseThrow(() -> KejiaoException.notFound("booking.training-not-found", trainingId));
		Instrument instrument = instruments.ownedBy(training.instrumentId(), actor);
		jdbc.sql("update booking.training set revoked_at = :at where id = :id").param("at", Timestamp.from(clock.instant()))
			.param("id", trainingId).update();
		audit.record("booking.training-revoked", "instrument", instrument.id().toString(), instrument.title(),
				instrument.regionCode(), training, Map.of("revoked", true));
		return jdbc.sql(TRAINING + " where id = :id").param("id", trainingId).query((rs, n) -> training(rs)).single();
	}

	/**
	 * Refuses a booker who must be trained and is not on the day: {@code booking.training-required} without any
	 * record, {@code booking.training-expired} when the last one lapsed before the day.
	 */
	void requireTrained(UUID instrumentId, UUID userId, LocalDate day) {
		List<Training> records = jdbc.sql(TRAINING + " where instrument_id = :id and user_id = :user")
			.param("id", instrumentId).param("user", userId).query((rs, n) -> training(rs)).list();
		if (records.stream().anyMatch(t -> t.validOn(day))) {
			return;
		}
		if (records.stream().anyMatch(t -> !t.revoked())) {
			throw KejiaoException.invalid("booking.training-expired", day.toString());
		}
		throw KejiaoException.invalid("booking.training-required");
	}

	private static final String TRAINING = """
			select id, instrument_id, user_id, username, display_name, trained_on, expires_on, trainer, note,
			    revoked_at is not null from booking.training""";

	private static Training training(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Training(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
				rs.getString(8), rs.getString(9), rs.getBoolean(10));
	}
}
