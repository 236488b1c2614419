using Territory.Cli;

return CliApp.Run(args);
