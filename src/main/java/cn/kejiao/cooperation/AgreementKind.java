package cn.kejiao.cooperation;

/** What kind of paper an agreement is: a framework agreement (框架协议), a cooperation agreement (合作协议) or the minutes of a consultation (会商纪要). */
public enum AgreementKind {
	FRAMEWORK, COOPERATION, CONSULTATION
}
