from soat.launch import main

main()
