package cn.kejiao.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.kejiao.platform.Role;

/**
 * The roles that may call an endpoint at all. A caller with none of them is refused (401 when nobody is
 * signed in, else 403 with {@link #refusal()}) before the request body is read or validated, so that a caller
 * without the role learns nothing of the fields. The facade still checks the finer rule (the region, the
 * owner); this is the coarse one, checked first, and the OpenAPI document names it.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ForRoles {

	/** Any of these roles lets the caller through. */
	Role[] value();

	/** The code of the refusal, the one the facade would give for the same caller. */
	String refusal() default "auth.forbidden";
}
