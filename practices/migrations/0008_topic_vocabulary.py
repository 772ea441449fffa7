"""Topics become a bilingual vocabulary: every free tag in use becomes a topic of the same
name and slug (its French label left for an editor), and each practice keeps its topics."""

import django.db.models.deletion
import modelcluster.contrib.taggit
from django.db import migrations, models


def free_tags_to_topics(apps, schema_editor):
    Topic = apps.get_model("practices", "Topic")
    TaggedPracticeTopic = apps.get_model("practices", "TaggedPracticeTopic")
    for row in TaggedPracticeTopic.objects.select_related("tag"):
        topic, _ = Topic.objects.get_or_create(slug=row.tag.slug, defaults={"name": row.tag.name})
        row.topic = topic
        row.save(update_fields=["topic"])


class Migration(migrations.Migration):

    dependencies = [
        ('practices', '0007_bilingual_names'),
    ]

    operations = [
        migrations.CreateModel(
            name='Topic',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=100, unique=True, verbose_name='name')),
                ('slug', models.SlugField(allow_unicode=True, max_length=100, unique=True, verbose_name='slug')),
                ('name_fr', models.CharField(blank=True, help_text='Empty only for a keyword a member gave, until an editor adds it; the English label is shown.', max_length=100, verbose_name='name in French')),
            ],
            options={
                'verbose_name': 'topic',
                'verbose_name_plural': 'topics',
                'ordering': ['name'],
            },
        ),
        migrations.AlterField(
            model_name='practicepage',
            name='topics',
            field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='From the topic vocabulary, which editors keep in both languages.', through='practices.TaggedPracticeTopic', to='practices.Topic', verbose_name='topics'),
        ),
        migrations.AddField(
            model_name='taggedpracticetopic',
            name='topic',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='practices.topic'),
        ),
        migrations.RunPython(free_tags_to_topics, migrations.RunPython.noop),
        migrations.RemoveField(model_name='taggedpracticetopic', name='tag'),
        migrations.RenameField(model_name='taggedpracticetopic', old_name='topic', new_name='tag'),
        migrations.AlterField(
            model_name='taggedpracticetopic',
            name='tag',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='tagged_practices', to='practices.topic'),
        ),
    ]
