package cn.kejiao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.kejiao.cooperation.AgreementKind;
import cn.kejiao.cooperation.AgreementSummary;
import cn.kejiao.cooperation.AgreementView;
import cn.kejiao.cooperation.Agreements;
import cn.kejiao.cooperation.TaskState;
import cn.kejiao.platform.Paging;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;

/**
 * The demo's agreements: the 沪渝 framework agreement with its seven areas and their tasks in every state (one
 * overdue, several reported on, some owned by 重庆市科学技术局 for cq-admin), and the 文山 consultation minutes.
 */
@KejiaoIntegrationTest
class CooperationAgreementDemoTests {

	@Autowired
	Personas personas;

	@Autowired
	Agreements agreements;

	@Test
	void theShanghaiChongqingAgreementHasItsSevenAreasWithTasksInEveryState() {
		AgreementView a = agreement("cq-admin", CooperationAgreementDemo.SHANGHAI_CHONGQING);
		assertThat(a.kind()).isEqualTo(AgreementKind.FRAMEWORK);
		assertThat(a.partyRegions()).containsExactly("310000", "500000");
		assertThat(a.parties()).extracting(AgreementView.Party::signatory).containsExactly("上海市科学技术委员会", "重庆市科学技术局");
		assertThat(a.signedOn()).hasToString("2021-06-03");
		assertThat(a.signedPlace()).contains("浦江创新论坛");
		assertThat(a.areas()).extracting(AgreementView.Area::name).containsExactly("科技创新中心建设", "关键核心技术攻关",
				"科技成果转化", "科技资源共享", "人才交流合作", "国际科技创新合作交流", "优质科普资源共享共用");
		assertThat(a.areas()).allSatisfy(area -> assertThat(area.tasks()).hasSizeBetween(2, 3));
		List<AgreementView.Task> tasks = a.areas().stream().flatMap(area -> area.tasks().stream()).toList();
		assertThat(tasks).extracting(AgreementView.Task::state).contains(TaskState.DONE, TaskState.IN_PROGRESS,
				TaskState.PLANNED);
		assertThat(tasks).filteredOn(t -> t.overdueOn(agreements.today())).hasSize(1);
		assertThat(tasks).filteredOn(t -> t.state() == TaskState.IN_PROGRESS).allMatch(t -> !t.reports().isEmpty());
		AgreementView.Task chongqing = tasks.stream()
			.filter(t -> t.title().equals(CooperationAgreementDemo.CHONGQING_SHARING_TASK)).findFirst().orElseThrow();
		assertThat(chongqing.ownerOrgId()).isEqualTo(personas.actor("cq-admin").organisationId());
	}

	@Test
	void theWenshanConsultationHasTasksOnGreenAluminiumSanqiAndRuralRevitalisation() {
		AgreementView a = agreement("ws-admin", CooperationAgreementDemo.WENSHAN);
		assertThat(a.kind()).isEqualTo(AgreementKind.CONSULTATION);
		assertThat(a.partyRegions()).containsExactly("530000", "532600");
		assertThat(a.areas()).extracting(AgreementView.Area::name).anyMatch(n -> n.contains("绿色铝"))
			.anyMatch(n -> n.contains("三七")).anyMatch(n -> n.contains("乡村振兴"));
		assertThat(a.areas()).allSatisfy(area -> assertThat(area.tasks()).isNotEmpty());
		assertThat(personas.as("sh-admin", () -> agreements.list(new Paging(0, 100))).getContent())
			.extracting(AgreementSummary::title).doesNotContain(CooperationAgreementDemo.WENSHAN);
	}

	private AgreementView agreement(String reader, String title) {
		return personas.as(reader, () -> {
			AgreementSummary found = agreements.list(new Paging(0, 100)).getContent().stream()
				.filter(s -> s.title().equals(title)).findFirst().orElseThrow();
			return agreements.get(found.id());
		});
	}
}
