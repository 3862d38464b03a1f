package cn.kejiao.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.challenge.ChallengeAwarded;
import cn.kejiao.challenge.ChallengeView;
import cn.kejiao.challenge.Challenges;
import cn.kejiao.platform.Money;
import cn.kejiao.support.Eventually;
import cn.kejiao.support.EventPublications;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A deal ends in a draft contract between its two sides, once however often its event is delivered: a lot sold,
 * an offer accepted, a challenge award.
 */
@KejiaoIntegrationTest
class ContractOriginTests {

	/** A mail server, so that the notices of the contracts drafted are sent at once instead of timing out. */
	@RegisterExtension
	static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EventPublications publications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Personas personas;

	@Autowired
	Contracts contracts;

	@Autowired
	Challenges challenges;

	@Autowired
	ContractDrafts drafts;

	@Autowired
	cn.kejiao.demand.Demands demands;

	@Autowired
	cn.kejiao.demand.Matching matching;

	private UUID org(String username) {
		return personas.actor(username).organisationId();
	}

	private List<UUID> contractsOf(String originKey) {
		return jdbc.sql("select id from trading.contract where origin_key = :k").param("k", originKey).query(UUID.class).list();
	}

	/** Publishes the event, and once it was handled publishes it again, as a redelivery would. */
	private void publishTwice(Object event, String mentioning) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
		publications.awaitHandled(WAIT, mentioning);
		transactions.executeWithoutResult(status -> events.publishEvent(event));
		publications.awaitHandled(WAIT, mentioning);
	}

	@Test
	void aLotSoldDraftsOneTransferContractAtTheHammerPriceEvenWhenDeliveredTwice() {
		UUID lot = UUID.randomUUID();
		publishTwice(new LotSold(lot, UUID.randomUUID(), "一种高纯氧化铝制备方法专利", null, null, org("provider-yn"),
				org("ent-jd"), Money.ofYuan("2350000", "hammer"), Money.ofYuan("117500", "b"), Money.ofYuan("70500", "s"),
				Instant.now()), lot.toString());
		List<UUID> drafted = contractsOf("LOT:" + lot);
		assertThat(drafted).hasSize(1);
		ContractView contract = personas.as("ent-jd", () -> contracts.get(drafted.getFirst()));
		assertThat(contract.state()).isEqualTo(ContractState.DRAFT);
		assertThat(contract.type()).isEqualTo(ContractType.TRANSFER);
		assertThat(contract.value()).isEqualTo(Money.ofYuan("2350000", "v"));
		assertThat(contract.seller().organisationId()).isEqualTo(org("provider-yn"));
		assertThat(contract.buyer().organisationId()).isEqualTo(org("ent-jd"));
		assertThat(contract.origin()).isEqualTo("LOT");
		assertThat(contract.originId()).isEqualTo(lot);
		assertThat(contract.schedule().total()).isEqualTo(contract.value());
	}

	@Test
	void anAcceptedOfferDraftsOneContractOfTheKindItsModeSays() {
		UUID offer = UUID.randomUUID();
		publishTwice(new OfferAccepted(offer, UUID.randomUUID(), UUID.randomUUID(), "汽车轻量化铝合金专利许可",
				org("provider-jd"), org("ent-ws"), Money.ofYuan("480000", "amount"), "LICENCE_NON_EXCLUSIVE",
				"云南省内，五年", Instant.now()), offer.toString());
		List<UUID> drafted = contractsOf("OFFER:" + offer);
		assertThat(drafted).hasSize(1);
		ContractView contract = personas.as("provider-jd", () -> contracts.get(drafted.getFirst()));
		assertThat(contract.type()).isEqualTo(ContractType.LICENCE);
		assertThat(contract.value()).isEqualTo(Money.ofYuan("480000", "v"));
		assertThat(contract.buyer().regionCode()).isEqualTo("532600");
	}

	@Test
	void eachWinnerOfAChallengeHasADevelopmentContractWithThePublisherOnce() {
		// other tests publish challenges of the same title: the demo's is the one 同济 won
		List<ChallengeView> sameTitle = challenges.list(null).stream()
			.filter(c -> c.title().equals("车规级 MEMS 压力传感器封装可靠性攻关")).toList();
		ChallengeView awarded = Eventually.await(WAIT, () -> sameTitle.stream()
			.filter(c -> !contractsOf("CHALLENGE:" + c.id() + ":" + org("expert-sh")).isEmpty()).findFirst().orElse(null));
		UUID publisher = challenges.publisherOf(awarded.id()).orElseThrow();
		String key = "CHALLENGE:" + awarded.id() + ":" + org("expert-sh");
		UUID drafted = contractsOf(key).getFirst();
		ContractView contract = personas.as("expert-sh", () -> contracts.get(drafted));
		assertThat(contract.type()).isEqualTo(ContractType.DEVELOPMENT);
		assertThat(contract.seller().name()).isEqualTo("同济大学");
		assertThat(contract.buyer().organisationId()).isEqualTo(publisher);
		assertThat(contract.value()).isEqualTo(Money.ofYuan("800000", "v"));

		ChallengeAwarded again = new ChallengeAwarded(awarded.id(), awarded.title(), Instant.now(),
				List.of(new ChallengeAwarded.Winner(org("expert-sh"), Money.ofYuan("800000", "a"))), List.of());
		publishTwice(again, awarded.id().toString());
		assertThat(contractsOf(key)).containsExactly(drafted);
	}

	@Test
	void theOwnerOfADemandDraftsOneContractWithTheOwnerOfAMatchedEntry() {
		cn.kejiao.demand.DemandView bauxite = personas.as("ent-ws", () -> demands.list(cn.kejiao.platform.Actors.require(),
				null, null, null, true)).stream().filter(d -> d.title().equals("低品位铝土矿高效生产氧化铝的工艺技术")).findFirst().orElseThrow();
		var match = personas.as("ent-ws", () -> matching.matches(bauxite.id(), cn.kejiao.catalog.EntryType.ACHIEVEMENT, 10))
			.getFirst();
		ContractView contract = personas.as("ent-ws", () -> drafts.fromMatch(bauxite.id(), match.id(), null, null));
		assertThat(contract.origin()).isEqualTo("DEMAND_MATCH");
		assertThat(contract.buyer().organisationId()).isEqualTo(org("ent-ws"));
		assertThat(contract.seller().name()).isEqualTo(match.organisation());
		assertThat(contract.type()).isEqualTo(ContractType.TRANSFER);
		assertThat(contract.value()).isEqualTo(Money.ofYuan("3000000", "v"));
		assertThat(personas.as("ent-ws", () -> drafts.fromMatch(bauxite.id(), match.id(), null, null)).id())
			.as("once per demand and entry").isEqualTo(contract.id());
		assertThat(ContractLifecycleTests.refusal(() -> personas.as("ent-jd",
				() -> drafts.fromMatch(bauxite.id(), match.id(), null, null))))
			.isIn("contract.demand-owner-only", "demand.not-found");
	}

	@Test
	void eachStepIsToldToTheOtherSideAndASignedContractToTheSellersRegion() {
		ContractView c = personas.as("provider-yn", () -> contracts.create(new Contracts.Draft("赤泥制备建材技术咨询",
				ContractType.CONSULTING, org("provider-yn"), org("ent-ws"), Money.ofYuan("60000", "v"), List.of(), null,
				null)));
		personas.as("provider-yn", () -> contracts.sign(c.id()));
		Eventually.await(WAIT, () -> assertThat(titles("ent-ws")).contains("对方已签署技术合同 " + c.number()));
		personas.as("ent-ws", () -> contracts.sign(c.id()));
		Eventually.await(WAIT, () -> assertThat(titles("provider-yn")).contains("技术合同 " + c.number() + " 双方已签署"));
		Eventually.await(WAIT, () -> assertThat(titles("yn-admin")).contains("技术合同 " + c.number() + " 等待认定登记"));
		assertThat(titles("provider-yn")).as("the side that acted is not told").doesNotContain("对方已签署技术合同 " + c.number());
	}

	private List<String> titles(String username) {
		return personas.api(username).get("/api/v1/notifications").json().findValuesAsString("title");
	}

	@Test
	void theOwnerOfADemandDraftsTheContractFromTheDemandsPage() {
		cn.kejiao.demand.DemandView bauxite = personas.as("ent-ws", () -> demands.list(cn.kejiao.platform.Actors.require(),
				null, null, null, true)).stream().filter(d -> d.title().equals("低品位铝土矿高效生产氧化铝的工艺技术")).findFirst().orElseThrow();
		var match = personas.as("ent-ws", () -> matching.matches(bauxite.id(), cn.kejiao.catalog.EntryType.ACHIEVEMENT, 10))
			.getFirst();
		cn.kejiao.support.Http browser = personas.browser("ent-ws");
		String demandPage = "/demands/" + bauxite.id();
		assertThat(browser.get(demandPage).body()).contains("与其起草技术合同");

		cn.kejiao.support.Http.Response drafted = browser.submitForm(demandPage, "/contracts/from-match",
				java.util.Map.of("demandId", bauxite.id().toString(), "entryId", match.id().toString()));

		assertThat(drafted.status()).isEqualTo(302);
		assertThat(drafted.location()).contains("/contracts/");
		assertThat(browser.get(drafted.location().replaceFirst("^https?://[^/]+", "")).body()).contains("已起草合同")
			.contains(match.organisation());
		cn.kejiao.support.Http.Response refused = personas.browser("ent-jd").submitForm("/contracts", "/contracts/from-match",
				java.util.Map.of("demandId", bauxite.id().toString(), "entryId", match.id().toString()));
		assertThat(refused.status()).as("what is forbidden is a page of its own").isEqualTo(403);
		assertThat(refused.body()).contains("只有发布需求的单位可以据匹配结果起草合同");
	}
}
