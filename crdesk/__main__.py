from crdesk.cli import main

raise SystemExit(main())
