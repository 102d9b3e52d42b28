from doingoai.cli import main

main()
