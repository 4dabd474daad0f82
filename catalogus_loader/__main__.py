from catalogus_loader.cli import main

main()
