# Issue 11: ChronologyEntry and Task, moved here from casework (the child-record kernel).
# State only: the models take over the tables casework made (db_table keeps their names),
# so no data moves on SQLite or PostgreSQL. The content types follow the models.

import django.db.models.deletion
import earlyhelp.lib.encryption
from django.conf import settings
from django.db import migrations, models

MOVED = ("chronologyentry", "task")


def content_types_to_records(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="casework", model__in=MOVED).update(
        app_label="records"
    )


def content_types_to_casework(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="records", model__in=MOVED).update(
        app_label="casework"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('casework', '0004_move_kernel_to_records'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('pupils', '0001_initial'),
        ('schools', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ChronologyEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('occurred_at', models.DateTimeField()),
                        ('kind', models.CharField(choices=[('concern', 'Concern'), ('decision', 'Decision'), ('action', 'Action'), ('meeting', 'Meeting'), ('referral', 'Referral'), ('level_change', 'Level of need'), ('consent', 'Consent'), ('assessment', 'Assessment'), ('plan', 'Plan'), ('review', 'Review'), ('step_up', 'Step-up'), ('step_down', 'Step-down'), ('closure', 'Closure'), ('transfer', 'File transfer'), ('note', 'Note')], max_length=20)),
                        ('summary', earlyhelp.lib.encryption.EncryptedTextField()),
                        ('recorded_at', models.DateTimeField()),
                        ('source_type', models.CharField(blank=True, max_length=100)),
                        ('source_id', models.CharField(blank=True, max_length=64)),
                        ('pupil', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='chronology_entries', to='pupils.pupil')),
                        ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('school', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='schools.school')),
                    ],
                    options={
                        'verbose_name_plural': 'chronology entries',
                        'db_table': 'casework_chronologyentry',
                        'ordering': ['-occurred_at', '-pk'],
                        'indexes': [models.Index(fields=['pupil', '-occurred_at', '-id'], name='chronology_pupil_time')],
                    },
                ),
                migrations.CreateModel(
                    name='Task',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('fgm_police_report', 'Report FGM to the police'), ('review_due', 'Team Around the Family review due'), ('action_overdue', 'Plan action overdue'), ('no_plan', 'Early help for a term without a plan'), ('no_progress', 'Two terms without progress'), ('referral_follow_up', 'Follow up a referral'), ('file_transfer', 'Transfer the child protection file')], max_length=32)),
                        ('title', models.CharField(max_length=300)),
                        ('due_on', models.DateField()),
                        ('created_at', models.DateTimeField()),
                        ('done_at', models.DateTimeField(blank=True, null=True)),
                        ('source_type', models.CharField(blank=True, max_length=100)),
                        ('source_id', models.CharField(blank=True, max_length=64)),
                        ('assigned_to', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('done_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('pupil', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='tasks', to='pupils.pupil')),
                        ('school', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='schools.school')),
                    ],
                    options={
                        'db_table': 'casework_task',
                        'ordering': ['due_on', 'pk'],
                        'indexes': [models.Index(fields=['school', 'done_at', 'due_on'], name='task_open_by_due')],
                        'constraints': [models.CheckConstraint(condition=models.Q(('done_at__isnull', True), ('done_by__isnull', False), _connector='OR'), name='task_done_has_who')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_to_records, content_types_to_casework),
    ]
