target/
# what racetrace hunt --tlc, tlc and conform write (--out)
racetrace-out/
