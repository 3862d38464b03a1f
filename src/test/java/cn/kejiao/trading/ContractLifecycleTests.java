package cn.kejiao.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.NewOrganisation;
import cn.kejiao.support.Personas;

/**
 * A technology contract's life: drafted by one side, signed by both, registered by the seller's region with a number
 * of that region and year, performed and completed, or terminated with a reason; and the refusals along the way.
 */
@KejiaoIntegrationTest
class ContractLifecycleTests {

	@Autowired
	Personas personas;

	@Autowired
	Contracts contracts;

	@Autowired
	Brokers brokers;

	private UUID org(String username) {
		return personas.actor(username).organisationId();
	}

	/** provider-yn (云南省科学技术院, 530102) sells to ent-jd (上海嘉定, 310114), two instalments. */
	private ContractView yunnanToShanghai(String title) {
		return personas.as("provider-yn", () -> contracts.create(new Contracts.Draft(title, ContractType.TRANSFER,
				org("provider-yn"), org("ent-jd"), Money.ofYuan("1500000", "value"),
				List.of(new PaymentSchedule.Planned(LocalDate.now().plusDays(10), Money.ofYuan("500000", "a")),
						new PaymentSchedule.Planned(LocalDate.now().plusDays(90), Money.ofYuan("1000000", "a"))),
				null, null)));
	}

	@Test
	void aContractDraftedByHandIsSignedByBothRegisteredBySellersRegionPerformedAndCompleted() {
		ContractView draft = yunnanToShanghai("三七皂苷提取工艺专利转让");
		assertThat(draft.state()).isEqualTo(ContractState.DRAFT);
		assertThat(draft.seller().regionCode()).isEqualTo("530102");
		assertThat(draft.buyer().regionCode()).isEqualTo("310114");
		assertThat(draft.schedule().instalments()).hasSize(2);
		assertThat(draft.crossRegion()).isTrue();

		ContractView half = personas.as("provider-yn", () -> contracts.sign(draft.id()));
		assertThat(half.state()).isEqualTo(ContractState.DRAFT);
		assertThat(half.sellerSigned().by()).isEqualTo(personas.actor("provider-yn").displayName());
		ContractView signed = personas.as("ent-jd", () -> contracts.sign(draft.id()));
		assertThat(signed.state()).isEqualTo(ContractState.SIGNED);

		assertThat(personas.as("yn-admin", () -> contracts.registrationQueue())).extracting(ContractView::id)
			.contains(draft.id());
		assertThat(personas.as("sh-admin", () -> contracts.registrationQueue())).extracting(ContractView::id)
			.doesNotContain(draft.id());

		ContractView registered = personas.as("yn-admin", () -> contracts.register(draft.id()));
		assertThat(registered.state()).isEqualTo(ContractState.REGISTERED);
		assertThat(registered.registrationNumber()).matches("530102" + LocalDate.now().getYear() + "\\d{6}");
		assertThat(registered.registered().by()).isEqualTo(personas.actor("yn-admin").displayName());

		ContractView next = yunnanToShanghai("另一份合同");
		personas.as("provider-yn", () -> contracts.sign(next.id()));
		personas.as("ent-jd", () -> contracts.sign(next.id()));
		ContractView second = personas.as("yn-admin", () -> contracts.register(next.id()));
		assertThat(Long.parseLong(second.registrationNumber().substring(10)))
			.as("numbers count up per region and year")
			.isGreaterThan(Long.parseLong(registered.registrationNumber().substring(10)));

		assertThat(personas.as("ent-jd", () -> contracts.start(draft.id())).state()).isEqualTo(ContractState.IN_PERFORMANCE);
		personas.as("provider-yn", () -> contracts.markPaid(draft.id(), 1));
		ContractView done = personas.as("provider-yn", () -> contracts.complete(draft.id()));
		assertThat(done.state()).isEqualTo(ContractState.COMPLETED);
		assertThat(done.schedule().paid()).isEqualTo(Money.ofYuan("500000", "x"));

		assertThat(refusal(() -> personas.as("ent-jd", () -> contracts.terminate(draft.id(), "太晚了"))))
			.isEqualTo("contract.wrong-state");
	}

	@Test
	void aContractMayBeTerminatedWithAReasonBeforeItIsCompleted() {
		ContractView draft = yunnanToShanghai("终止的合同");
		assertThat(refusal(() -> personas.as("ent-jd", () -> contracts.terminate(draft.id(), " "))))
			.isEqualTo("contract.reason-required");
		ContractView ended = personas.as("ent-jd", () -> contracts.terminate(draft.id(), "双方协商一致解除"));
		assertThat(ended.state()).isEqualTo(ContractState.TERMINATED);
		assertThat(ended.terminationReason()).isEqualTo("双方协商一致解除");
		assertThat(refusal(() -> personas.as("provider-yn", () -> contracts.sign(draft.id()))))
			.isEqualTo("contract.wrong-state");
	}

	@Test
	void stepsOutOfOrderOrByTheWrongPeopleAreRefusedWithTheirCodes() {
		ContractView draft = yunnanToShanghai("被拒绝的步骤");
		assertThat(refusal(() -> personas.as("yn-admin", () -> contracts.register(draft.id()))))
			.as("not signed yet").isEqualTo("contract.wrong-state");
		assertThat(refusal(() -> personas.as("ent-jd", () -> contracts.start(draft.id()))))
			.isEqualTo("contract.wrong-state");
		personas.as("provider-yn", () -> contracts.sign(draft.id()));
		assertThat(refusal(() -> personas.as("provider-yn", () -> contracts.sign(draft.id()))))
			.isEqualTo("contract.already-signed");
		personas.as("ent-jd", () -> contracts.sign(draft.id()));
		assertThat(refusal(() -> personas.as("sh-admin", () -> contracts.register(draft.id()))))
			.as("the buyer's region reads it but does not register it").isEqualTo("contract.not-registrar");
		assertThat(refusal(() -> personas.as("ws-admin", () -> contracts.register(draft.id()))))
			.as("文山 does not govern 昆明").isEqualTo("contract.not-found");
		assertThat(refusal(() -> personas.as("ent-jd", () -> contracts.register(draft.id()))))
			.isEqualTo("contract.not-registrar");
		assertThat(refusal(() -> personas.as("provider-yn", () -> contracts.complete(draft.id()))))
			.isEqualTo("contract.wrong-state");
	}

	@Test
	void instalmentsThatDoNotSumToTheValueAreRefused() {
		String code = refusal(() -> personas.as("provider-yn", () -> contracts.create(new Contracts.Draft("分期不符",
				ContractType.LICENCE, org("provider-yn"), org("ent-jd"), Money.ofYuan("100000", "v"),
				List.of(new PaymentSchedule.Planned(LocalDate.now(), Money.ofYuan("40000", "a")),
						new PaymentSchedule.Planned(LocalDate.now().plusDays(30), Money.ofYuan("50000", "a"))),
				null, null))));
		assertThat(code).isEqualTo("contract.instalments-sum");
		assertThat(refusal(() -> personas.as("ent-ws", () -> contracts.create(new Contracts.Draft("别人的合同",
				ContractType.LICENCE, org("provider-yn"), org("ent-jd"), Money.ofYuan("100000", "v"), List.of(), null,
				null))))).isEqualTo("contract.party-only");
		assertThat(refusal(() -> personas.as("provider-yn", () -> contracts.create(new Contracts.Draft("佣金无经纪人",
				ContractType.LICENCE, org("provider-yn"), org("ent-jd"), Money.ofYuan("100000", "v"), List.of(), null,
				Money.ofYuan("1000", "c")))))).isEqualTo("contract.commission-without-broker");
	}

	@Test
	void aBrokerOnTheRegisterIsNamedOnTheContractWithItsCommission() {
		UUID expert = personas.actor("expert-sh").userId();
		personas.as("sh-admin", () -> brokers.register("expert-sh", "TJJJR-2026-0007"));
		assertThat(refusal(() -> personas.as("yn-admin", () -> brokers.register("expert-sh", "X"))))
			.isEqualTo("auth.region-forbidden");
		ContractView contract = personas.as("ent-jd", () -> contracts.create(new Contracts.Draft("经纪人撮合的许可",
				ContractType.LICENCE, org("provider-yn"), org("ent-jd"), Money.ofYuan("300000", "v"), List.of(), expert,
				Money.ofYuan("9000", "c"))));
		assertThat(contract.broker().name()).isEqualTo(personas.actor("expert-sh").displayName());
		assertThat(contract.commission()).isEqualTo(Money.ofYuan("9000", "c"));
	}

	@Test
	void aThirdOrganisationGets404AndTheRegionAdminsOfEitherPartyReadIt() {
		ContractView draft = yunnanToShanghai("只有双方可读");
		int port = personas.port();
		var other = NewOrganisation.enterprise("320500").verified(port);
		assertThat(other.api().get("/api/v1/contracts/" + draft.id()).status()).isEqualTo(404);
		assertThat(other.api().get("/api/v1/contracts/" + draft.id()).code()).isEqualTo("contract.not-found");
		assertThat(personas.api("ent-ws").get("/api/v1/contracts/" + draft.id()).status()).isEqualTo(404);
		assertThat(personas.api("cq-admin").get("/api/v1/contracts/" + draft.id()).status()).isEqualTo(404);
		assertThat(personas.api("ent-jd").get("/api/v1/contracts/" + draft.id()).status()).isEqualTo(200);
		assertThat(personas.api("jd-admin").get("/api/v1/contracts/" + draft.id()).status()).isEqualTo(200);
		assertThat(personas.api("yn-admin").get("/api/v1/contracts/" + draft.id()).status()).isEqualTo(200);
		assertThat(personas.api("admin").get("/api/v1/contracts/" + draft.id()).status()).isEqualTo(200);
		var listed = other.api().get("/api/v1/contracts").json().get("items").findValuesAsString("id");
		assertThat(listed).doesNotContain(draft.id().toString());
		Http browser = personas.browser("ent-ws");
		assertThat(browser.get("/contracts/" + draft.id()).status()).isEqualTo(404);
	}

	@Test
	void theApiDraftsSignsRegistersAndRefusesWithProblemCodes() {
		Http seller = personas.api("provider-yn");
		var created = seller.post("/api/v1/contracts", Map.of("title", "API 起草的咨询合同", "type", "CONSULTING",
				"sellerOrgId", org("provider-yn").toString(), "buyerOrgId", org("ent-ws").toString(), "value", "120000",
				"instalments", List.of(Map.of("dueOn", "2027-01-31", "amount", "20000"),
						Map.of("dueOn", "2027-03-31", "amount", "100000"))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.json().get("value").asString()).isEqualTo("120000.00");

		var wrong = seller.post("/api/v1/contracts", Map.of("title", "不符", "type", "CONSULTING", "sellerOrgId",
				org("provider-yn").toString(), "buyerOrgId", org("ent-ws").toString(), "value", "120000",
				"instalments", List.of(Map.of("dueOn", "2027-01-31", "amount", "20000"))));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.code()).isEqualTo("contract.instalments-sum");

		var early = personas.api("yn-admin").post("/api/v1/contracts/" + id + "/register", Map.of());
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.code()).isEqualTo("contract.wrong-state");
		assertThat(seller.post("/api/v1/contracts/" + id + "/sign", Map.of()).status()).isEqualTo(200);
		assertThat(personas.api("ent-ws").post("/api/v1/contracts/" + id + "/sign", Map.of()).json().get("state")
			.asString()).isEqualTo("SIGNED");
		var byWenshan = personas.api("ws-admin").post("/api/v1/contracts/" + id + "/register", Map.of());
		assertThat(byWenshan.status()).isEqualTo(403);
		assertThat(byWenshan.code()).isEqualTo("contract.not-registrar");
		var registered = personas.api("yn-admin").post("/api/v1/contracts/" + id + "/register", Map.of());
		assertThat(registered.json().get("registrationNumber").asString()).startsWith("530102");
		var terminated = seller.post("/api/v1/contracts/" + id + "/terminate", Map.of("reason", "买方撤回需求"));
		assertThat(terminated.json().get("state").asString()).isEqualTo("TERMINATED");
	}

	static String refusal(Runnable step) {
		try {
			step.run();
		}
		catch (KejiaoException ex) {
			return ex.code();
		}
		throw new AssertionError("not refused");
	}
}
