package cn.kejiao.cooperation;

/**
 * A registration for an event: admitted (holds a place), waiting (on the waiting list, moves up in arrival order when
 * a place is freed), cancelled by the person, or a walk-in the organiser recorded at the door (holds no place).
 */
public enum EventRegistrationState {
	ADMITTED, WAITING, CANCELLED, WALK_IN
}
