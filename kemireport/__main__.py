from kemireport.cli import main

# The guard matters on Windows: worker processes start by re-importing the main module.
if __name__ == "__main__":
    main()
