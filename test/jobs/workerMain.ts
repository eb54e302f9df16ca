/** `zhijian worker` as its own program, for tests that run workers as child processes and kill them. */
import { Command } from "commander";
import { addWorkerCommand } from "../../src/cli/workerCommand.ts";

const program = new Command().name("zhijian");
addWorkerCommand(program);
await program.parseAsync(process.argv);
