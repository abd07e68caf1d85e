await Elex.SyncRelay.RelayServer.CreateApplication(args).RunAsync();
