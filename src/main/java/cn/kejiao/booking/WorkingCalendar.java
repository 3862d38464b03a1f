package cn.kejiao.booking;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;

/**
 * China's working days: Monday to Friday, except the public holidays, plus the weekend days worked in their
 * place (调休), as the State Council announces them each year. The announced days come from the shipped file
 * {@code booking/holidays-cn.csv} and from what the platform admin adds for later years; a year nobody entered
 * follows the plain week.
 */
@Service
public class WorkingCalendar {

	/** A day that differs from the plain week: a holiday on a weekday or a working weekend day. */
	public record Day(LocalDate day, Kind kind, String name) {
	}

	public enum Kind {
		HOLIDAY, WORKDAY
	}

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final AtomicBoolean fileLoaded = new AtomicBoolean();
	private final TransactionTemplate ownTransaction;

	WorkingCalendar(JdbcClient jdbc, AuditLog audit, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.audit = audit;
		// the file is loaded in a writing transaction of its own, also when the first reader is in a read-only one
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Whether people work on the day in China. */
	public boolean isWorkingDay(LocalDate day) {
		return isWorkingDay(day, between(day, day));
	}

	static boolean isWorkingDay(LocalDate day, Map<LocalDate, Day> special) {
		Day known = special.get(day);
		if (known != null) {
			return known.kind() == Kind.WORKDAY;
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/** The announced days from {@code from} to {@code to}, both included. */
	@Transactional(readOnly = true)
	public Map<LocalDate, Day> between(LocalDate from, LocalDate to) {
		loadFile();
		Map<LocalDate, Day> days = new HashMap<>();
		jdbc.sql("select day, kind, name from booking.calendar_day where day between :from and :to")
			.param("from", from).param("to", to)
			.query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), Kind.valueOf(rs.getString(2)), rs.getString(3)))
			.list().forEach(day -> days.put(day.day(), day));
		return days;
	}

	/** The announced days of a year, in order. */
	@Transactional(readOnly = true)
	public List<Day> year(int year) {
		return between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).values().stream()
			.sorted(java.util.Comparator.comparing(Day::day)).toList();
	}

	/**
	 * The platform admin states a year's holidays and make-up working days, replacing what was known of that year.
	 * Lines are {@code date,kind,name} as in the shipped file (kind HOLIDAY or WORKDAY, or 休 / 班).
	 */
	@Transactional
	public List<Day> replaceYear(int year, String lines) {
		Actor actor = Actors.require();
		if (!actor.isPlatformAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
		List<Day> days = parse(lines);
		for (Day day : days) {
			if (day.day().getYear() != year) {
				throw KejiaoException.invalid("booking.holiday-other-year", day.day().toString(), String.valueOf(year));
			}
		}
		loadFile();
		jdbc.sql("delete from booking.calendar_day where extract(year from day) = :year").param("year", year).update();
		for (Day day : days) {
			jdbc.sql("insert into booking.calendar_day (day, kind, name, source) values (:day, :kind, :name, 'ADMIN')")
				.param("day", day.day()).param("kind", day.kind().name()).param("name", day.name()).update();
		}
		audit.record("booking.holidays-replaced", "working-calendar", String.valueOf(year), String.valueOf(year), "100000",
				null, Map.of("days", days.size()));
		return year(year);
	}

	/** Reads {@code date,kind,name} lines; blank lines and lines starting with # are skipped. */
	static List<Day> parse(String text) {
		List<Day> days = new ArrayList<>();
		String[] lines = text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] parts = line.split("[,，\\t]", 3);
			try {
				LocalDate day = LocalDate.parse(parts[0].strip());
				String kind = parts.length > 1 ? parts[1].strip().toUpperCase(Locale.ROOT) : "";
				Kind k = switch (kind) {
					case "HOLIDAY", "休" -> Kind.HOLIDAY;
					case "WORKDAY", "班" -> Kind.WORKDAY;
					default -> throw KejiaoException.invalid("booking.holiday-line", i + 1, line);
				};
				days.add(new Day(day, k, parts.length > 2 ? parts[2].strip() : ""));
			}
			catch (DateTimeParseException ex) {
				throw KejiaoException.invalid("booking.holiday-line", i + 1, line);
			}
		}
		return days;
	}

	/** Puts the shipped file's days into the table once per node; a year the admin stated is left as the admin stated it. */
	private void loadFile() {
		if (fileLoaded.get()) {
			return;
		}
		ownTransaction.executeWithoutResult(status -> loadFileNow());
	}

	private void loadFileNow() {
		List<Day> days;
		try (InputStream in = new ClassPathResource("booking/holidays-cn.csv").getInputStream()) {
			days = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("booking/holidays-cn.csv cannot be read", ex);
		}
		for (Day day : days) {
			jdbc.sql("""
					insert into booking.calendar_day (day, kind, name, source)
					select :day, :kind, :name, 'FILE'
					where not exists (select 1 from booking.calendar_day a
					                  where a.source = 'ADMIN' and extract(year from a.day) = extract(year from cast(:day as date)))
					on conflict (day) do nothing""")
				.param("day", day.day()).param("kind", day.kind().name()).param("name", day.name()).update();
		}
		fileLoaded.set(true);
	}
}
