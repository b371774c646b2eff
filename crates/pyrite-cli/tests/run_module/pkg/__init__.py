GREETING = "hello from pkg"
