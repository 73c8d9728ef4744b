print("gaveld: not built yet")
