/**
 * Commands run from the command line instead of the web application, each named by the first argument:
 * {@code java -jar kejiao.jar verify-ledger} checks the voucher ledger of the configured database,
 * {@code java -jar kejiao.jar eval-matching --dataset DIR} measures matching on the CSL papers,
 * {@code java -jar kejiao.jar simulate --days 365 --enterprises 5000 --seed 1} drives a simulated year through the
 * facades and checks the ledger and the insight read model against the modules. Spring Boot
 * dispatches them: {@link cn.kejiao.cli.CommandEnvironment} recognises the command and starts the application
 * with the web server on a free local port only (nothing outside can reach it), without demo data and
 * voucher jobs; the command is an {@code ApplicationRunner}
 * and its {@code ExitCodeGenerator} gives the process's exit code ({@link cn.kejiao.cli.CommandExit}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
@org.jspecify.annotations.NullMarked
package cn.kejiao.cli;
