package cn.kejiao.demand;

/** How the enterprise wants to cooperate. The first three match an achievement's transfer modes. */
public enum CooperationMode {
	TRANSFER, LICENCE, JOINT, COMMISSIONED, CONSULTING
}
