#!/usr/bin/env python
"""Manage the demo site: ``python demo/manage.py setup_demo`` then ``runserver``."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demosite.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
