from kemireport.cli import main

main()
