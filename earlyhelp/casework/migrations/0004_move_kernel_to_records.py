# Issue 11: ChronologyEntry and Task move to the `records` app (the child-record kernel).
# State only: the tables keep their names (casework_chronologyentry, casework_task) and no
# row moves. records.0001_initial takes the models over in the project state.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('casework', '0003_early_help'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='ChronologyEntry'),
                migrations.DeleteModel(name='Task'),
            ],
            database_operations=[],
        ),
    ]
