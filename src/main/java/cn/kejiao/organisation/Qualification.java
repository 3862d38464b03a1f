package cn.kejiao.organisation;

/** Recognitions an organisation holds; voucher schemes and catalog filters use them. */
public enum Qualification {
	/** 高新技术企业 */
	HIGH_TECH_ENTERPRISE,
	/** 科技型中小企业 */
	TECH_SME,
	/** 专精特新中小企业 */
	SPECIALISED_SME,
	/** 检验检测机构资质认定 (CMA) */
	CMA,
	/** 中国合格评定国家认可委员会认可 (CNAS) */
	CNAS,
	/** 重点实验室 */
	KEY_LABORATORY,
	/** 工程技术研究中心 */
	ENGINEERING_RESEARCH_CENTRE,
	/** 科技企业孵化器 */
	INCUBATOR_ACCREDITED
}
