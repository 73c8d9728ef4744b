// gavel: the audit and admin CLI (protocol.md §1). Subcommands live one per file.
GavelCLI.runAndExit()
