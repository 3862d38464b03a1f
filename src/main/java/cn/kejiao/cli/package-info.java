/**
 * Commands run from the command line instead of the web application, each named by the first argument:
 * {@code java -jar kejiao.jar verify-ledger} checks the voucher ledger of the configured database,
 * {@code java -jar kejiao.jar eval-matching --dataset DIR} measures matching on the CSL papers. Spring Boot
 * dispatches them: {@link cn.kejiao.cli.CommandEnvironment} recognises the command and starts the application
 * with the web server on a free local port only (nothing outside can reach it), without demo data and
 * voucher jobs; the command is an {@code ApplicationRunner}
 * and its {@code ExitCodeGenerator} gives the process's exit code ({@link cn.kejiao.cli.CommandExit}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
@org.jspecify.annotations.NullMarked
package cn.kejiao.cli;
