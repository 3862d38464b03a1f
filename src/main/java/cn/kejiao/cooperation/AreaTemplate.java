package cn.kejiao.cooperation;

import java.util.EnumSet;
import java.util.Set;

/**
 * The areas of cooperation of the Shanghai–Chongqing framework agreement, offered as a template when an agreement is
 * created, each with the live figures that measure it by default. Names are in the message bundles under
 * {@code agreement.area.<name>}; the Chinese name is stored with an area created from the template.
 */
public enum AreaTemplate {

	/** 科技创新中心建设 */
	INNOVATION_CENTRES("科技创新中心建设", EnumSet.of(FigureKind.DEMAND_MATCHES)),

	/** 关键核心技术攻关 */
	CORE_TECHNOLOGIES("关键核心技术攻关", EnumSet.of(FigureKind.PANEL_EXPERTS, FigureKind.CONTRACTS)),

	/** 科技成果转化 */
	TECHNOLOGY_TRANSFER("科技成果转化", EnumSet.of(FigureKind.DEMAND_MATCHES, FigureKind.CONTRACTS)),

	/** 科技资源共享 */
	RESOURCE_SHARING("科技资源共享",
			EnumSet.of(FigureKind.SERVICE_ORDERS, FigureKind.VOUCHER_SPENDING, FigureKind.INSTRUMENT_BOOKINGS)),

	/** 人才交流合作 */
	TALENT_EXCHANGE("人才交流合作", EnumSet.of(FigureKind.PANEL_EXPERTS)),

	/** 国际科技创新合作交流 */
	INTERNATIONAL_COOPERATION("国际科技创新合作交流", EnumSet.noneOf(FigureKind.class)),

	/** 优质科普资源共享共用 */
	SCIENCE_POPULARISATION("优质科普资源共享共用", EnumSet.noneOf(FigureKind.class));

	private final String chineseName;

	private final Set<FigureKind> figures;

	AreaTemplate(String chineseName, Set<FigureKind> figures) {
		this.chineseName = chineseName;
		this.figures = figures;
	}

	/** The area's name as the agreement writes it, stored with the area. */
	public String chineseName() {
		return chineseName;
	}

	/** The live figures the area measures unless its editor chooses others. */
	public Set<FigureKind> defaultFigures() {
		return figures.isEmpty() ? EnumSet.noneOf(FigureKind.class) : EnumSet.copyOf(figures);
	}
}
