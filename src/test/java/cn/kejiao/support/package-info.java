/**
 * Fixtures and builders for the tests, so that each test says what it checks rather than how to set it up.
 * <ul>
 * <li>{@link cn.kejiao.support.KejiaoIntegrationTest}: the one shared Spring context (real server, embedded
 * PostgreSQL, demo data), with the test clock and {@code Personas} in it.</li>
 * <li>{@link cn.kejiao.support.Http}: a real HTTP client, JSON with a bearer token or a browser session with
 * cookies and CSRF.</li>
 * <li>{@link cn.kejiao.support.Personas}: a demo user as an actor, in process ({@code personas.as("ent-ws", () ->
 * facade.call())}) or over HTTP ({@code personas.api("ent-ws")}, {@code personas.browser("ent-ws")}).</li>
 * <li>{@link cn.kejiao.support.NewOrganisation}: a freshly registered organisation with a valid credit code,
 * pending or verified.</li>
 * <li>{@link cn.kejiao.support.VoucherScenario}: scheme, grant and an order through quote, accept, deliver and
 * confirm.</li>
 * <li>{@link cn.kejiao.support.Markers}: unique text so that a test finds its own data in the shared database;
 * {@link cn.kejiao.support.Fields}: request bodies and forms that leave out null fields.</li>
 * <li>{@link cn.kejiao.support.Eventually}: the one way to wait for what happens after commit or in the
 * background; never sleep. {@link cn.kejiao.support.EventPublications}: wait until the listeners of the events
 * that mention an id have run, to show that something did not happen.</li>
 * <li>{@link cn.kejiao.support.MutableClock}: the application's clock in tests; advance it instead of sleeping
 * for time to pass. It is back to the system time after every test.</li>
 * </ul>
 */
package cn.kejiao.support;
