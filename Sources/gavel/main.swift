print("gavel: not built yet")
