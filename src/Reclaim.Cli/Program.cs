return Reclaim.Cli.CommandLine.Run(args, Console.Out, Console.Error);
