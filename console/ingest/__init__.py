"""Data coming in from outside: catalog files now; platform stats exports and the local HTTP API
later. Turns files into plain values for core to judge; no Qt, no database."""
