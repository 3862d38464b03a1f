package cn.kejiao.platform;

/** Implemented by the authenticated principal so that modules can read the {@link Actor} without knowing accounts. */
public interface ActorPrincipal {

	Actor actor();
}
