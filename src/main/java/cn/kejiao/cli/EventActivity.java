package cn.kejiao.cli;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.kejiao.cooperation.EventForm;
import cn.kejiao.cooperation.EventKind;
import cn.kejiao.cooperation.EventRegistrationState;
import cn.kejiao.cooperation.EventRegistrationView;
import cn.kejiao.cooperation.EventRegistrations;
import cn.kejiao.cooperation.EventState;
import cn.kejiao.cooperation.EventView;
import cn.kejiao.cooperation.Events;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.ChinaTime;

/**
 * Events in the simulated year, about forty at a year's length (at least two in any run): a region admin opens one
 * for registration one to three weeks ahead; verified enterprises register (about fifty each at 5,000 enterprises,
 * fewer in a small run), one in ten cancels the next day; the day after it starts the organiser marks it held and checks in
 * four in five of those admitted.
 */
@Component
class EventActivity implements SimulatedActivity {

	private static final String[][] ORGANISERS = { { "sh-admin", "310000", "上海" }, { "jd-admin", "310114", "嘉定" },
			{ "yn-admin", "530000", "昆明" }, { "ws-admin", "532600", "文山" }, { "cq-admin", "500000", "重庆" } };

	private final Events events;
	private final EventRegistrations registrations;

	EventActivity(Events events, EventRegistrations registrations) {
		this.events = events;
		this.registrations = registrations;
	}

	@Override
	public void setUp(SimulationSteps steps) {
		var plan = steps.plan();
		int count = Math.max(2, (int) Math.round(40.0 * plan.days() / 365));
		for (int i = 0; i < count; i++) {
			steps.later(3 + steps.random().nextInt(Math.max(1, plan.days() - 25)), () -> open(steps));
		}
	}

	private void open(SimulationSteps steps) {
		SplittableRandom random = steps.random();
		String[] organiser = ORGANISERS[random.nextInt(ORGANISERS.length)];
		EventKind kind = EventKind.values()[random.nextInt(EventKind.values().length)];
		String industry = SimulationCast.INDUSTRIES[random.nextInt(SimulationCast.INDUSTRIES.length)];
		int ahead = 7 + random.nextInt(15);
		Instant starts = steps.today().plusDays(ahead).atTime(LocalTime.of(9, 0)).atZone(ChinaTime.ZONE).toInstant();
		int wanted = Math.min(50, 3 + steps.plan().enterprises() / 100);
		Actor admin = steps.cast().admin(organiser[0]);
		EventView event = steps.as(admin, () -> events.create(new EventForm(kind, organiser[2] + industry + "产学研对接会",
				"模拟：" + industry + "领域企业与高校院所对接交流。", starts, starts.plusSeconds(6 * 3600L), organiser[2] + "科技会堂",
				null, List.of(organiser[1]), List.of(), wanted + wanted / 5 + 1, null, null), true));
		steps.done("events opened");
		List<UUID> held = new ArrayList<>();
		Set<Integer> registered = new HashSet<>();
		for (int i = 0; i < wanted; i++) {
			steps.later(1 + random.nextInt(ahead - 1), () -> register(steps, event.id(), registered, held));
		}
		steps.later(ahead + 1, () -> {
			steps.as(admin, () -> events.move(event.id(), EventState.HELD));
			steps.done("events held");
			for (UUID registration : held) {
				if (random.nextInt(5) < 4) {
					steps.as(admin, () -> registrations.checkIn(event.id(), registration));
					steps.done("event check-ins");
				}
			}
		});
	}

	private void register(SimulationSteps steps, UUID event, Set<Integer> registered, List<UUID> held) {
		SplittableRandom random = steps.random();
		var enterprises = steps.enterprises();
		if (enterprises.isEmpty()) {
			return;
		}
		var enterprise = enterprises.get(random.nextInt(enterprises.size()));
		if (!registered.add(enterprise.index())) {
			return;
		}
		EventRegistrationView registration = steps.as(enterprise.actor(), () -> registrations.register(event,
				new EventRegistrations.Registration(null, null, "希望对接" + enterprise.industry() + "方向的合作伙伴。")));
		steps.done("event registrations");
		if (random.nextInt(10) == 0) {
			// the next day, still before the event is marked held
			steps.later(1, () -> {
				steps.as(enterprise.actor(), () -> registrations.cancel(event, registration.id()));
				steps.done("event registrations cancelled");
			});
		}
		else if (registration.state() == EventRegistrationState.ADMITTED) {
			held.add(registration.id());
		}
	}
}
