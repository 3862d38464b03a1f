package cn.kejiao.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** After every test of the shared context, the clock shows the system time again, whatever the test did to it. */
final class ResetClock implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		SpringExtension.getApplicationContext(context).getBean(MutableClock.class).reset();
	}
}
