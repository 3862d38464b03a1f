package cn.kejiao.booking;

/** Who runs the instrument during a booking: the booker, the owner's staff, or the owner on a sample sent in. */
public enum Mode {
	SELF, STAFF, SAMPLE
}
