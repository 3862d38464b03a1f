package cn.kejiao.cooperation;

/** What kind of event: a forum (论坛), a roadshow (路演) or a matchmaking session (对接会, 招商引资引智对接). */
public enum EventKind {
	FORUM, ROADSHOW, MATCHMAKING
}
