from storyline.cli import main

if __name__ == "__main__":  # not when a worker process (engines/second_core.py) imports this module
    main()
